using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// Splits a reasoning model's completion into reasoning and answer. The reasoning block must open the completion
/// (only whitespace before it), or the prompt already opened it (chat templates of R1 distills end with
/// <c>&lt;think&gt;</c>), or a close tag comes before any open tag. Tags inside code (fenced or inline) do not
/// count. Nested blocks are matched by depth; when depth never returns to zero (an open tag merely mentioned
/// inside the reasoning) the last close tag ends the block.
/// </summary>
public sealed class ReasoningSplitter
{
    private readonly string _open;
    private readonly string _close;

    public ReasoningSplitter(string open = "<think>", string close = "</think>")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(close);
        if (open == close)
            throw new ArgumentException("The open and close tags must differ.", nameof(close));
        (_open, _close) = (open, close);
    }

    public ReasoningSplitter(ReasoningFormat format)
        : this(format.Open, format.Close)
    {
    }

    /// <param name="completion">The model's text.</param>
    /// <param name="startsInside">True when the rendered prompt ended with the open tag, so the completion starts inside the block.</param>
    public ReasoningSplit Split(string completion, bool startsInside = false)
    {
        var tags = Tags(completion);
        int contentStart;
        var next = 0;
        if (startsInside || tags is [{ Open: false }, ..])
            contentStart = 0;
        else if (tags is [{ Open: true } first, ..] && completion.AsSpan(0, first.Index).IsWhiteSpace())
        {
            contentStart = first.Index + _open.Length;
            next = 1;
        }
        else
            return new ReasoningSplit(ReasoningState.Missing, "", completion) { AnswerStart = FirstVisible(completion, 0) };

        var end = BlockEnd(tags, next);
        if (end < 0)
            return new ReasoningSplit(ReasoningState.Unclosed, completion[contentStart..].Trim(), "") { ReasoningEnd = completion.Length };
        var reasoning = completion[contentStart..Math.Max(contentStart, end)].Trim();
        var reasoningEnd = end + _close.Length;
        var answer = completion[reasoningEnd..].Trim();
        return new ReasoningSplit(reasoning.Length == 0 ? ReasoningState.Empty : ReasoningState.Closed, reasoning, answer)
        {
            ReasoningEnd = reasoningEnd,
            AnswerStart = FirstVisible(completion, reasoningEnd),
        };
    }

    /// <summary>True when the rendered prompt ends with this format's open tag.</summary>
    public bool PromptOpensBlock(string? renderedPrompt) =>
        renderedPrompt is not null && renderedPrompt.AsSpan().TrimEnd().EndsWith(_open, StringComparison.Ordinal);

    private static int? FirstVisible(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
                return i;
        }
        return null;
    }

    private static int BlockEnd(List<(int Index, bool Open)> tags, int next)
    {
        var depth = 1;
        var lastClose = -1;
        for (var i = next; i < tags.Count; i++)
        {
            if (tags[i].Open)
            {
                depth++;
                continue;
            }
            lastClose = tags[i].Index;
            if (--depth == 0)
                return lastClose;
        }
        return lastClose;
    }

    private List<(int Index, bool Open)> Tags(string text)
    {
        var code = CodeSpans.Find(text);
        var tags = new List<(int Index, bool Open)>();
        foreach (var (tag, other, open) in new[] { (_open, _close, true), (_close, _open, false) })
        {
            for (var i = text.IndexOf(tag, StringComparison.Ordinal); i >= 0; i = text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal))
            {
                if (!code.Contains(i) && !Within(text, i, tag, other))
                    tags.Add((i, open));
            }
        }
        tags.Sort((a, b) => a.Index.CompareTo(b.Index));
        return tags;
    }

    // Custom tags may contain each other ("think" in "/think"): a match lying inside the other tag is not a tag.
    private static bool Within(string text, int index, string tag, string other)
    {
        for (var start = Math.Max(0, index + tag.Length - other.Length); start <= index; start++)
        {
            if (string.CompareOrdinal(text, start, other, 0, other.Length) == 0)
                return true;
        }
        return false;
    }
}
