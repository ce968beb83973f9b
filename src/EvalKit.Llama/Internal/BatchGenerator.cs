using System.Diagnostics;
using EvalKit.Core.Backends;
using LLama;
using LLama.Common;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Owns the second context that batched generation needs (one sequence per request; the backend's own context
/// holds one). It is created on first use, sized for the requests (each sequence gets room for its prompt and
/// token limit, never more than the backend's context size), and grown, never shrunk, when later batches need more.
/// Each sequence has its own KV stream (<c>kv_unified = false</c>), as a lone request has. Not thread-safe.
/// </summary>
internal sealed class BatchGenerator(LLamaWeights weights, ModelParams parameters, int sequenceContextSize) : IDisposable
{
    /// <summary>The most sequences decoded together; larger batches run in groups of this size.</summary>
    public const int MaxSequences = 64;

    // llama.cpp allocates context memory in steps of 256 cells.
    private const int CellStep = 256;

    private LLamaContext? _context;
    private BatchGenerationLoop? _loop;
    private int _sequences;
    private int _cellsPerSequence;

    /// <summary>Creates (or grows) the context these requests need, so that setting it up is not timed as generation.</summary>
    public void Reserve(IReadOnlyList<(string Text, LLamaToken[] Tokens, GenerationParameters Parameters)> requests)
    {
        if (requests.Count > 0)
            Loop(Math.Min(requests.Count, MaxSequences), requests.Max(Cells));
    }

    public IReadOnlyList<Completion> Run(
        IReadOnlyList<(string Text, LLamaToken[] Tokens, GenerationParameters Parameters)> requests, Stopwatch clock, CancellationToken cancellationToken)
    {
        var completions = new List<Completion>(requests.Count);
        foreach (var group in requests.Chunk(MaxSequences))
        {
            completions.AddRange(Loop(group.Length, group.Max(Cells)).Run(group, clock, cancellationToken));
        }
        return completions;
    }

    public void Dispose() => _context?.Dispose();

    // Room for the prompt and every token it may generate, never more than a lone request gets.
    private int Cells((string Text, LLamaToken[] Tokens, GenerationParameters Parameters) request) =>
        (int)Math.Min((long)request.Tokens.Length + request.Parameters.MaxTokens, sequenceContextSize);

    private BatchGenerationLoop Loop(int sequences, int cells)
    {
        if (_loop is not null && sequences <= _sequences && cells <= _cellsPerSequence)
            return _loop;
        _sequences = Math.Max(sequences, _sequences);
        _cellsPerSequence = Math.Min(sequenceContextSize, Math.Max(_cellsPerSequence, (cells + CellStep - 1) / CellStep * CellStep));
        _context?.Dispose();
        _context = null;
        _context = LlamaLoader.CreateContext(weights, new ModelParams(parameters.ModelPath)
        {
            ContextSize = (uint)(_sequences * _cellsPerSequence),
            SeqMax = (uint)_sequences,
            KVUnified = false,
            GpuLayerCount = parameters.GpuLayerCount,
            Threads = parameters.Threads,
            BatchThreads = parameters.BatchThreads,
        });
        _loop = new BatchGenerationLoop(weights, _context, sequenceContextSize);
        return _loop;
    }
}
