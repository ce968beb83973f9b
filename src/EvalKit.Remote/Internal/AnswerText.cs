using System.Diagnostics;
using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Core.Suites;

namespace EvalKit.Remote.Internal;

/// <summary>
/// An answer as its pieces arrive: the text, kept up to <paramref name="maxChars"/> (past it <see cref="Add"/> says
/// stop, and the finish reason is <see cref="FinishReason.LengthCapped"/>), and when each piece came
/// (<see cref="TokenTimeline"/>, one step per piece). Reasoning a server sends apart from the answer
/// (<c>reasoning_content</c>) is put back where the model wrote it: in a <c>&lt;think&gt;…&lt;/think&gt;</c> block
/// before the answer, the form servers without a reasoning parser send and the one suites split by default. The
/// block closes with the last reasoning piece (when the first answer piece comes, or at the end unless the token
/// limit cut it); reasoning arriving after answer text is dropped (no split could place it).
/// </summary>
internal sealed class AnswerText(int maxChars, Stopwatch clock)
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _ends = [];
    private readonly List<double> _elapsedMs = [];
    private TimeSpan? _firstPiece;
    private bool _inReasoning;
    private bool _answered;
    private bool _capped;

    /// <summary>Adds one received piece; false once the answer reached the limit (stop reading).</summary>
    public bool Add(string? reasoning, string? content)
    {
        if (!string.IsNullOrEmpty(reasoning) && !_answered)
        {
            var open = _inReasoning ? "" : ReasoningFormat.Think.Open;
            _inReasoning = true;
            if (!Append(open + reasoning))
                return false;
        }
        if (string.IsNullOrEmpty(content))
            return true;
        _answered = true;
        return (!_inReasoning || CloseReasoning()) && Append(content);
    }

    /// <param name="finishReason">The server's <c>finish_reason</c>, if it sent one.</param>
    /// <param name="usage">The server's counts; without them a piece counts as a token and the prompt as 4 characters a token.</param>
    public Completion Complete(string? finishReason, (int Prompt, int Completion)? usage, string promptText)
    {
        if (_inReasoning && !_capped && finishReason != "length")
            CloseReasoning();
        var reason = _capped ? FinishReason.LengthCapped : finishReason == "length" ? FinishReason.Length : FinishReason.Stop;
        var total = clock.Elapsed;
        return new Completion
        {
            Text = _text.ToString(),
            PromptTokens = usage?.Prompt ?? (promptText.Length + 3) / 4,
            CompletionTokens = usage?.Completion ?? _ends.Count,
            TokenCountsEstimated = usage is null,
            TimeToFirstToken = _firstPiece ?? total,
            TotalTime = total,
            FinishReason = reason,
            // One step per piece: a piece is one token only when their count matches the server's completion_tokens.
            Timeline = new TokenTimeline(_ends, _elapsedMs),
        };
    }

    // The close tag belongs to the last reasoning step, so the answer's steps hold answer text only.
    private bool CloseReasoning()
    {
        _inReasoning = false;
        var close = ReasoningFormat.Think.Close;
        _capped = _text.Length + close.Length > maxChars;
        _text.Append(close, 0, Math.Min(close.Length, maxChars - _text.Length));
        _ends[^1] = _text.Length;
        return !_capped;
    }

    private bool Append(string piece)
    {
        var now = clock.Elapsed;
        _firstPiece ??= now;
        _capped = _text.Length + piece.Length > maxChars;
        _text.Append(piece, 0, Math.Min(piece.Length, maxChars - _text.Length));
        _ends.Add(_text.Length);
        _elapsedMs.Add(now.TotalMilliseconds);
        return !_capped;
    }
}
