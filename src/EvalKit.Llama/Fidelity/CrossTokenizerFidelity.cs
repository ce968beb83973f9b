using System.Text;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Statistics;
using EvalKit.Llama.Fidelity.Internal;

namespace EvalKit.Llama.Fidelity;

/// <summary>
/// Distillation fidelity when teacher and student do not share a tokenizer, for any two backends (local GGUF models
/// or endpoints). For each prompt the teacher answers greedily (its answer comes from wherever it runs) and the
/// student is scored on that answer: its log-likelihood of the answer after the prompt (<see cref="ILogLikelihood"/>,
/// over the student's own tokens), reported as bits per byte so that tokenizers of any granularity compare. The
/// student also answers the prompt itself, for answer-level agreement. When both models list top-k log-probabilities
/// (<see cref="ITokenLogProbs"/>), an approximate KL over the shared top-k is added (see
/// <see cref="CrossTokenizerReport.ApproximateKl"/>). A sequence that cannot be scored is recorded with its reason.
/// </summary>
public sealed class CrossTokenizerFidelity
{
    private readonly IModelBackend _teacher;
    private readonly IModelBackend _student;

    /// <exception cref="EvalKitException">The student cannot give log-likelihoods.</exception>
    public CrossTokenizerFidelity(IModelBackend teacher, IModelBackend student)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        if (student is not ILogLikelihood)
            throw new EvalKitException($"The student '{student.Info.Name}' ({student.Info.Backend}) cannot give log-likelihoods.",
                "Use a local GGUF student, or an endpoint that answers /completions with echo and logprobs (logprobs: true in evalkit.yaml).");
        _teacher = teacher;
        _student = student;
    }

    /// <summary>
    /// Measures every input in order; <paramref name="progress"/> hears each sequence as it finishes. The approximate
    /// KL is asked of both models only when <see cref="FidelityOptions.TopK"/> is above 0 and both list top-k
    /// log-probabilities (<see cref="ITokenLogProbs"/>); set it to 0 for an endpoint that cannot echo.
    /// </summary>
    /// <remarks>A sequence that fails is recorded with its error; the measurement goes on.</remarks>
    public async Task<CrossTokenizerReport> MeasureAsync(
        IReadOnlyList<FidelityInput> inputs, FidelityOptions? options = null, IProgress<CrossTokenizerSequence>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new FidelityOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.TopK, nameof(options));
        var sequences = new List<CrossTokenizerSequence>(inputs.Count);
        var klSums = new List<(double Sum, int Positions, double Mass)>(inputs.Count);
        foreach (var input in inputs)
        {
            var (sequence, kl) = await MeasureOneAsync(input, options, cancellationToken);
            sequences.Add(sequence);
            klSums.Add(kl);
            progress?.Report(sequence);
        }
        return Report(sequences, klSums, options);
    }

    private async Task<(CrossTokenizerSequence, (double, int, double))> MeasureOneAsync(FidelityInput input, FidelityOptions options, CancellationToken cancellationToken)
    {
        var none = (0.0, 0, 0.0);
        string teacherContext, studentContext, answer;
        string? studentAnswer = null;
        if (input.Prompt is { } prompt)
        {
            var greedy = prompt with { Parameters = prompt.Parameters with { MaxTokens = options.MaxTokens, Temperature = 0 } };
            var teacherCompletion = await _teacher.GenerateAsync(greedy, cancellationToken);
            var studentCompletion = await _student.GenerateAsync(greedy, cancellationToken);
            answer = teacherCompletion.Text;
            studentAnswer = studentCompletion.Text;
            teacherContext = teacherCompletion.RenderedPrompt ?? prompt.Prompt ?? "";
            studentContext = studentCompletion.RenderedPrompt ?? prompt.Prompt ?? "";
        }
        else
        {
            (teacherContext, studentContext, answer) = ("", "", input.Text ?? "");
        }

        var sequence = new CrossTokenizerSequence
        {
            Id = input.Id,
            Source = input.Prompt is null ? "text" : "teacher_greedy",
            TeacherAnswer = answer,
            StudentAnswer = studentAnswer,
            AnswersAgree = studentAnswer is null ? null : AnswerMatch.Same(answer, studentAnswer, input.ExtractAnswer),
        };
        if (answer.Length == 0)
            return (sequence, none);
        if (input.Prompt is { Prompt: null } && studentContext.Length == 0)
            return (sequence with { Error = "the student's chat template is not visible (an endpoint applies its own), so the answer cannot be scored after the prompt; use a raw prompt or a local student" }, none);

        var (_, continuation) = ContinuationScore.Split(studentContext, answer);
        try
        {
            var likelihood = await ((ILogLikelihood)_student).LogLikelihoodAsync(studentContext, answer, cancellationToken);
            var bytes = Encoding.UTF8.GetByteCount(continuation);
            sequence = sequence with
            {
                Bytes = bytes,
                StudentLogLikelihood = likelihood.LogProbability,
                BitsPerByte = -likelihood.LogProbability / Math.Log(2) / bytes,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (sequence with { Error = $"{ex.GetType().Name}: {ex.Message}" }, none);
        }
        try
        {
            var kl = await ApproximateKlAsync(teacherContext, studentContext, answer, options.TopK, cancellationToken);
            return (sequence with { AlignedPositions = kl.Positions, ApproximateKl = kl.Positions > 0 ? kl.Sum / kl.Positions : null }, kl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The bits per byte stand; only the approximate KL of this sequence is missing.
            return (sequence with { Error = $"approximate KL: {ex.GetType().Name}: {ex.Message}" }, none);
        }
    }

    // Both models score prompt + answer with their own context; positions are compared by where they fall in the answer.
    private async Task<(double Sum, int Positions, double Mass)> ApproximateKlAsync(
        string teacherContext, string studentContext, string answer, int topK, CancellationToken cancellationToken)
    {
        if (topK == 0 || _teacher is not ITokenLogProbs teacher || _student is not ITokenLogProbs student)
            return (0, 0, 0);
        var p = await teacher.TokenLogProbsAsync(teacherContext + answer, topK, cancellationToken);
        var q = await student.TokenLogProbsAsync(studentContext + answer, topK, cancellationToken);
        return TopKOverlap.Kl(p, teacherContext.Length, q, studentContext.Length);
    }

    private CrossTokenizerReport Report(List<CrossTokenizerSequence> sequences, List<(double Sum, int Positions, double Mass)> kl, FidelityOptions options)
    {
        var scored = sequences.Where(s => s.BitsPerByte is not null).ToList();
        var answered = sequences.Where(s => s.AnswersAgree is not null).ToList();
        var klKept = kl.Where(k => k.Positions > 0).ToList();
        return new CrossTokenizerReport
        {
            Teacher = _teacher.Info,
            Student = _student.Info,
            MaxTokens = options.MaxTokens,
            Sequences = sequences.Count,
            Errors = sequences.Count(s => s.Error is not null),
            Bytes = scored.Sum(s => (long)s.Bytes),
            BitsPerByte = Estimate([.. scored.Select(s => -s.StudentLogLikelihood / Math.Log(2))], [.. scored.Select(s => s.Bytes)], options),
            AnswerAgreement = Estimate([.. answered.Select(s => s.AnswersAgree!.Value ? 1.0 : 0.0)], [.. answered.Select(_ => 1)], options),
            TopK = options.TopK,
            ApproximateKl = Estimate([.. klKept.Select(k => k.Sum)], [.. klKept.Select(k => k.Positions)], options),
            AlignedPositions = klKept.Sum(k => k.Positions),
            SharedTopKMass = klKept.Count == 0 ? null : klKept.Sum(k => k.Mass) / klKept.Sum(k => k.Positions),
            Resamples = options.Resamples,
            Seed = options.Seed,
            PerSequence = sequences,
        };
    }

    private static FidelityEstimate? Estimate(IReadOnlyList<double> sums, IReadOnlyList<int> counts, FidelityOptions options)
    {
        if (counts.Sum() == 0)
            return null;
        var (value, low, high) = ClusterBootstrap.RatioOfSums(sums, counts, options.Resamples, options.Seed);
        return new FidelityEstimate(value, low, high);
    }
}
