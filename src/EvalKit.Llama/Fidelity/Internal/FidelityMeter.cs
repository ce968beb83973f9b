using System.Runtime.InteropServices;
using System.Text;
using EvalKit.Llama.Internal;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Fidelity.Internal;

/// <summary>
/// Compares teacher and student on one sequence. For a prompt the teacher first writes its greedy completion
/// (end-of-generation token included, so predicting the end counts too); then both models read the same tokens and
/// every position after the prompt (every position, for a text) gives KL(teacher ‖ student) and whether the two
/// argmaxes agree. The caller holds both contexts. Not thread-safe.
/// </summary>
internal sealed class FidelityMeter(LlamaBackend teacher, LlamaBackend student)
{
    private readonly ForcedDecoder _teacher = new(teacher.Context);
    private readonly ForcedDecoder _student = new(student.Context);

    private int ContextSize => Math.Min(_teacher.ContextSize, _student.ContextSize);

    public SequenceScores Measure(FidelityInput input, int maxTokens, CancellationToken cancellationToken)
    {
        LLamaToken[] tokens;
        int first;
        var truncated = false;
        string? completion = null;
        if (input.Prompt is { } request)
        {
            var prompt = teacher.Renderer.Render(request).Tokens;
            if (prompt.Length > ContextSize)
                throw new PromptTooLongException(prompt.Length, ContextSize);
            tokens = GreedyContinuation(prompt, maxTokens, cancellationToken);
            first = prompt.Length;
            completion = Detokenize(tokens.AsSpan(first));
        }
        else
        {
            var text = input.Text ?? throw new ArgumentException($"Fidelity input '{input.Id}' has neither a prompt nor a text.", nameof(input));
            tokens = teacher.Weights.Tokenize(text, teacher.Weights.Vocab.ShouldAddBOS, false, Encoding.UTF8);
            truncated = tokens.Length > ContextSize;
            tokens = tokens[..Math.Min(tokens.Length, ContextSize)];
            first = 1;
        }

        var (kl, agree) = Compare(tokens, first, cancellationToken);
        var summary = new FidelitySequence
        {
            Id = input.Id,
            Source = input.Prompt is null ? "text" : "teacher_greedy",
            Completion = completion,
            Tokens = kl.Length,
            Truncated = truncated,
            MeanKl = kl.Length == 0 ? double.NaN : kl.Average(),
            MaxKl = kl.Length == 0 ? double.NaN : kl.Max(),
            Top1Agreement = agree.Length == 0 ? double.NaN : agree.Count(a => a) / (double)agree.Length,
        };
        return new SequenceScores(summary, kl, agree);
    }

    private LLamaToken[] GreedyContinuation(LLamaToken[] prompt, int maxTokens, CancellationToken cancellationToken)
    {
        var tokens = new List<LLamaToken>(prompt);
        _teacher.Reset();
        for (var start = 0; start < prompt.Length; start += _teacher.ChunkSize)
            _teacher.DecodeChunk(prompt, start, Math.Min(prompt.Length, start + _teacher.ChunkSize), prompt.Length - 1);
        for (var generated = 0; generated < maxTokens && tokens.Count < ContextSize; generated++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogSoftmax.LogSumExp(_teacher.Logits(tokens.Count - 1), out var argmax);
            var next = (LLamaToken)argmax;
            tokens.Add(next);
            if (next.IsEndOfGeneration(teacher.Weights.Vocab) || generated + 1 == maxTokens || tokens.Count == ContextSize)
                break;
            _teacher.DecodeChunk(CollectionsMarshal.AsSpan(tokens), tokens.Count - 1, tokens.Count, tokens.Count - 1);
        }
        return [.. tokens];
    }

    private (double[] Kl, bool[] Agree) Compare(LLamaToken[] tokens, int first, CancellationToken cancellationToken)
    {
        var positions = Math.Max(0, tokens.Length - first);
        var kl = new double[positions];
        var agree = new bool[positions];
        _teacher.Reset();
        _student.Reset();
        var chunk = Math.Min(_teacher.ChunkSize, _student.ChunkSize);
        // The logits at position p predict token p + 1, so positions first − 1 … length − 2 are compared.
        for (var start = 0; start < tokens.Length - 1 && positions > 0; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(tokens.Length - 1, start + chunk);
            _teacher.DecodeChunk(tokens, start, end, first - 1);
            _student.DecodeChunk(tokens, start, end, first - 1);
            for (var position = Math.Max(start, first - 1); position < end; position++)
            {
                var p = _teacher.Logits(position);
                var q = _student.Logits(position);
                var pLogZ = LogSoftmax.LogSumExp(p, out var pTop);
                var qLogZ = LogSoftmax.LogSumExp(q, out var qTop);
                kl[position - first + 1] = LogSoftmax.KullbackLeibler(p, pLogZ, q, qLogZ);
                agree[position - first + 1] = pTop == qTop;
            }
        }
        return (kl, agree);
    }

    private string Detokenize(ReadOnlySpan<LLamaToken> tokens)
    {
        var decoder = new StreamingTokenDecoder(teacher.Context);
        foreach (var token in tokens)
        {
            if (!token.IsEndOfGeneration(teacher.Weights.Vocab))
                decoder.Add(token);
        }
        return decoder.Read();
    }
}
