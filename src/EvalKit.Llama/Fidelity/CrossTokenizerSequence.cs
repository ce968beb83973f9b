namespace EvalKit.Llama.Fidelity;

/// <summary>Cross-tokenizer fidelity on one sequence (<see cref="CrossTokenizerFidelity"/>).</summary>
public sealed record CrossTokenizerSequence
{
    public required string Id { get; init; }

    /// <summary><c>teacher_greedy</c> (the teacher's answer to a prompt) or <c>text</c> (given text).</summary>
    public required string Source { get; init; }

    /// <summary>The teacher's greedy answer (or the given text): what the student is scored on.</summary>
    public required string TeacherAnswer { get; init; }

    /// <summary>The student's own greedy answer to the prompt; null for text.</summary>
    public string? StudentAnswer { get; init; }

    /// <summary>Whether both gave the same answer (extracted, else normalised text); null for text.</summary>
    public bool? AnswersAgree { get; init; }

    /// <summary>UTF-8 bytes of the scored continuation (the teacher's answer, plus whitespace moved from the prompt's end).</summary>
    public int Bytes { get; init; }

    /// <summary>ln q(answer | prompt) under the student, summed over the student's own tokens of the answer (nats).</summary>
    public double StudentLogLikelihood { get; init; }

    /// <summary>−log2 q(answer | prompt) / <see cref="Bytes"/>; null when the answer is empty.</summary>
    public double? BitsPerByte { get; init; }

    /// <summary>Positions where both models' tokens start at the same character of the answer and their top-k share a token.</summary>
    public int AlignedPositions { get; init; }

    /// <summary>Mean approximate KL over those positions (nats); null when there are none.</summary>
    public double? ApproximateKl { get; init; }

    /// <summary>Why this sequence could not be scored, or (with <see cref="BitsPerByte"/> set) why its approximate KL is missing; null when all went well.</summary>
    public string? Error { get; init; }
}
