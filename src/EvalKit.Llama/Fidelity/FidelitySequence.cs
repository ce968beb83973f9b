namespace EvalKit.Llama.Fidelity;

/// <summary>The fidelity of the student on one sequence.</summary>
public sealed record FidelitySequence
{
    public required string Id { get; init; }

    /// <summary><c>teacher_greedy</c> (the teacher's completion of a prompt) or <c>text</c> (given text).</summary>
    public required string Source { get; init; }

    /// <summary>The teacher's greedy completion (for prompts), as text.</summary>
    public string? Completion { get; init; }

    /// <summary>How many next-token predictions were compared.</summary>
    public int Tokens { get; init; }

    /// <summary>True when the text had more tokens than the context holds and was cut.</summary>
    public bool Truncated { get; init; }

    /// <summary>Mean KL(teacher ‖ student) in nats per token.</summary>
    public double MeanKl { get; init; }

    public double MaxKl { get; init; }

    /// <summary>Share of positions where both models' most likely next token is the same.</summary>
    public double Top1Agreement { get; init; }
}
