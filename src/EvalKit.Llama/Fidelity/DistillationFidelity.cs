using EvalKit.Core.Statistics;
using EvalKit.Llama.Fidelity.Internal;

namespace EvalKit.Llama.Fidelity;

/// <summary>
/// Distillation fidelity of a student against its teacher when both are local models with the same tokenizer:
/// per-token KL(teacher ‖ student) and top-1 agreement of the next-token distributions, on the teacher's own greedy
/// completions of prompts or on given text, with 95% bootstrap intervals. Both backends must be separate loads
/// (load the same file twice to compare a model with itself); they are held for the whole measurement. Models
/// without a shared tokenizer, or behind endpoints, are compared by <see cref="CrossTokenizerFidelity"/> instead.
/// </summary>
public sealed class DistillationFidelity
{
    private readonly LlamaBackend _teacher;
    private readonly LlamaBackend _student;

    /// <exception cref="Core.EvalKitException">The two models do not share a tokenizer.</exception>
    public DistillationFidelity(LlamaBackend teacher, LlamaBackend student)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        if (ReferenceEquals(teacher, student))
            throw new ArgumentException("Teacher and student must be separately loaded backends (load the file twice to compare a model with itself).", nameof(student));
        _teacher = teacher;
        _student = student;
        (TokenizerSha256, VocabSize) = TokenizerMatch.EnsureShared(teacher.Weights, teacher.Info.Name, student.Weights, student.Info.Name);
    }

    /// <summary>Whether the two models mean the same text by every token id, as this class requires.</summary>
    public static bool SharesTokenizer(LlamaBackend teacher, LlamaBackend student)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        try
        {
            TokenizerMatch.EnsureShared(teacher.Weights, teacher.Info.Name, student.Weights, student.Info.Name);
            return true;
        }
        catch (Core.EvalKitException)
        {
            return false;
        }
    }

    /// <summary>SHA-256 over the shared vocabulary as llama.cpp reads it (every token's text and attributes).</summary>
    public string TokenizerSha256 { get; }

    public int VocabSize { get; }

    /// <summary>Measures every input in order; <paramref name="progress"/> hears each sequence as it finishes.</summary>
    /// <exception cref="PromptTooLongException">A prompt does not fit the smaller of the two contexts.</exception>
    public async Task<FidelityReport> MeasureAsync(
        IReadOnlyList<FidelityInput> inputs, FidelityOptions? options = null, IProgress<FidelitySequence>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new FidelityOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1, nameof(options));
        using var teacherHold = await _teacher.HoldAsync(cancellationToken);
        using var studentHold = await _student.HoldAsync(cancellationToken);
        var scores = await Task.Run(() =>
        {
            var meter = new FidelityMeter(_teacher, _student);
            var done = new List<SequenceScores>(inputs.Count);
            foreach (var input in inputs)
            {
                done.Add(meter.Measure(input, options.MaxTokens, cancellationToken));
                progress?.Report(done[^1].Summary);
            }
            return done;
        }, cancellationToken);
        return Report(scores, options);
    }

    private FidelityReport Report(List<SequenceScores> scores, FidelityOptions options)
    {
        var bySequence = scores.Count(s => s.Kl.Length > 0) >= options.MinSequencesForSequenceBootstrap;
        // Clusters are whole sequences, or single tokens when there are too few sequences to resample.
        var clusters = bySequence
            ? scores.Select(s => (Kl: s.Kl.Sum(), Agree: (double)s.Agree.Count(a => a), Count: s.Kl.Length)).ToList()
            : scores.SelectMany(s => s.Kl.Zip(s.Agree, (kl, agree) => (Kl: kl, Agree: agree ? 1.0 : 0.0, Count: 1))).ToList();
        var counts = clusters.Select(c => c.Count).ToList();
        return new FidelityReport
        {
            Teacher = _teacher.Info,
            Student = _student.Info,
            TokenizerSha256 = TokenizerSha256,
            VocabSize = VocabSize,
            MaxTokens = options.MaxTokens,
            Sequences = scores.Count,
            Tokens = counts.Sum(),
            KlDivergence = Estimate(clusters.Select(c => c.Kl).ToList(), counts, options),
            Top1Agreement = Estimate(clusters.Select(c => c.Agree).ToList(), counts, options),
            IntervalUnit = bySequence ? "sequence" : "token",
            Resamples = options.Resamples,
            Seed = options.Seed,
            PerSequence = scores.Select(s => s.Summary).ToList(),
        };
    }

    private static FidelityEstimate Estimate(IReadOnlyList<double> sums, IReadOnlyList<int> counts, FidelityOptions options)
    {
        var (value, low, high) = ClusterBootstrap.RatioOfSums(sums, counts, options.Resamples, options.Seed);
        return new FidelityEstimate(value, low, high);
    }
}
