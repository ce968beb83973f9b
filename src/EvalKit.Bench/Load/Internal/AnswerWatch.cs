using System.Text;
using EvalKit.Core.Scoring;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// Follows one streamed answer to find where a reasoning model's answer begins: after a <c>&lt;think&gt;…&lt;/think&gt;</c>
/// block in the content (split as <see cref="ReasoningSplitter"/> splits it), or at the first content after
/// reasoning sent separately (<c>reasoning_content</c>, which the caller reports with <see cref="SawReasoning"/>).
/// </summary>
internal sealed class AnswerWatch
{
    private const string Open = "<think>";
    private static readonly ReasoningSplitter _splitter = new(Open, "</think>");
    private readonly StringBuilder _text = new();
    private bool _inBlock;
    private bool _closed;

    /// <summary>True once the request showed reasoning, in a separate field or a think block.</summary>
    public bool Reasoned { get; private set; }

    public bool AnswerStarted { get; private set; }

    public void SawReasoning() => Reasoned = true;

    /// <summary>Feeds the next piece of content; true when it holds the first text of the answer.</summary>
    public bool Feed(string content)
    {
        if (AnswerStarted)
            return false;
        _text.Append(content);
        if (string.IsNullOrWhiteSpace(content))
            return false;
        if (_closed)
            return AnswerStarted = true;
        if (!_inBlock)
        {
            var head = _text.ToString().TrimStart();
            if (head.Length < Open.Length && Open.StartsWith(head, StringComparison.Ordinal))
                return false; // perhaps the open tag, not yet whole
            if (!head.StartsWith(Open, StringComparison.Ordinal))
                return AnswerStarted = true;
            _inBlock = Reasoned = true;
        }
        // A close tag ends with '>', so only a piece holding one can close the block.
        if (!content.Contains('>', StringComparison.Ordinal))
            return false;
        var split = _splitter.Split(_text.ToString());
        _closed = split.State is ReasoningState.Closed or ReasoningState.Empty;
        return AnswerStarted = _closed && split.Answer.Length > 0;
    }
}
