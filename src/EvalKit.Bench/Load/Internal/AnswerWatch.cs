using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Core.Scoring;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// Records one streamed answer's content pieces and when each arrived, then finds when a reasoning model's answer
/// began by the rule evaluation runs use (<see cref="ReasoningSplitter"/> on the whole content, the first piece
/// holding the answer's first visible character): after a <c>&lt;think&gt;…&lt;/think&gt;</c> block in the content,
/// or at the first visible content after reasoning sent separately (<c>reasoning_content</c>, reported with
/// <see cref="SawReasoning"/>).
/// </summary>
internal sealed class AnswerWatch
{
    private static readonly ReasoningSplitter _splitter = new();
    private readonly StringBuilder _content = new();
    private readonly List<int> _contentEnds = [];
    private readonly List<double> _elapsedMs = [];
    private bool _reasoningSeparate;

    public void SawReasoning() => _reasoningSeparate = true;

    public void Content(string piece, double elapsedMs)
    {
        _content.Append(piece);
        _contentEnds.Add(_content.Length);
        _elapsedMs.Add(elapsedMs);
    }

    /// <summary>Time to first answer token; null when the request showed no reasoning (it would equal TTFT) or no answer followed it.</summary>
    public double? FirstAnswerMs()
    {
        var split = _splitter.Split(_content.ToString());
        if (split.State == ReasoningState.Missing && !_reasoningSeparate)
            return null;
        return split.AnswerStart is { } start ? new TokenTimeline(_contentEnds, _elapsedMs).TimeOfCharacter(start) : null;
    }
}
