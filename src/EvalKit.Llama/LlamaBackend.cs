using System.Diagnostics;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Internal;
using EvalKit.Llama.Memory;
using LLama;
using LLama.Common;

namespace EvalKit.Llama;

/// <summary>
/// A local GGUF model run by llama.cpp through LLamaSharp. The weights are loaded once and reused for every request.
/// Concurrent <see cref="GenerateAsync(GenerationRequest, CancellationToken)"/> calls share one continuous decode
/// loop of <see cref="LlamaModelOptions.Parallel"/> slots (see <see cref="SlotScheduler"/>): each request is
/// sampled and stopped as if it ran alone, and a short answer ends without waiting for a long one. With one slot,
/// requests run one at a time on the backend's context. Also scores continuations by log-likelihood
/// (<see cref="ILogLikelihood"/>) and whole texts token by token (<see cref="ITokenLogProbs"/>, what
/// <c>evalkit serve</c> answers echo + logprobs with); those take the model alone, between the scheduler's busy spells.
/// Kernels that are not batch-invariant (llama.cpp's are not) can change logits in the last bits when sequences share
/// a decode, so with more than one slot a sampled token, or very rarely a greedy near-tie, may differ from one slot.
/// </summary>
public sealed class LlamaBackend : IStreamingBackend, ILogLikelihood, ITokenLogProbs
{
    /// <summary>All layers, for <see cref="LlamaModelOptions.GpuLayers"/> on a GPU.</summary>
    public const int AllLayers = 999;

    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly PromptRenderer _renderer;
    private readonly LogLikelihoodEvaluator _logLikelihood;
    private readonly TextScorer _textScorer;
    private readonly SlotScheduler _scheduler;
    private bool _disposed;

    private LlamaBackend(LLamaWeights weights, LLamaContext context, ModelParams parameters, int slots, ModelInfo info, ChatTemplateChoice template)
    {
        _weights = weights;
        _context = context;
        _renderer = new PromptRenderer(weights, template.CustomTemplate, template.WrapRawPrompts);
        _logLikelihood = new LogLikelihoodEvaluator(weights, context);
        _textScorer = new TextScorer(weights, context);
        var sequenceContextSize = (int)context.ContextSize;
        _scheduler = new SlotScheduler(weights, _renderer,
            slots == 1 ? () => context : () => LlamaLoader.CreateBatchContext(weights, parameters, slots, sequenceContextSize), slots, sequenceContextSize);
        Info = info;
    }

    public ModelInfo Info { get; }

    internal LLamaWeights Weights => _weights;

    internal LLamaContext Context => _context;

    internal PromptRenderer Renderer => _renderer;

    /// <summary>
    /// The response-cache variant a model loaded with this <see cref="LlamaModelOptions.ChatTemplate"/> reports (see
    /// <see cref="ModelIdentity.VariantDetail"/>), known without loading it; null for none.
    /// </summary>
    public static string? CacheVariantOf(string? chatTemplate) => ChatTemplateChoice.VariantOf(chatTemplate);

    /// <summary>
    /// Loads the model in <paramref name="options"/>: selects the native library (see <see cref="NativeLibrarySetup"/>),
    /// checks that the model fits in the memory available (<see cref="MemoryCheck"/>), loads the weights (reporting
    /// llama.cpp's load progress, 0 to 1, to <paramref name="loadProgress"/>) and a context, and hashes the file.
    /// The load time and memory estimate are recorded in <see cref="ModelInfo.Details"/>.
    /// </summary>
    /// <exception cref="EvalKitException">The file is missing, the device is unavailable, or llama.cpp cannot load it
    /// (the message quotes llama.cpp's log), or the model would not fit in memory (bad input).</exception>
    public static async Task<LlamaBackend> LoadAsync(
        LlamaModelOptions options, CancellationToken cancellationToken = default, IProgress<float>? loadProgress = null)
    {
        LlamaLoader.Validate(options);
        var path = Path.GetFullPath(options.Path);
        if (!File.Exists(path))
            throw LlamaErrors.ModelNotFound(path);
        // Checked in managed code first: llama.cpp aborts the whole process on some damaged or vocab-only files.
        var file = GgufReader.Read(path);
        var summary = GgufModelSummary.From(file);
        summary.EnsureGeneratable();
        var native = NativeLibrarySetup.Ensure(options.Device, options.NativeLibraryDirectory);

        var gpuLayers = options.GpuLayers is null or -1 ? (native.UsesGpu ? AllLayers : 0) : options.GpuLayers.Value;
        var (estimate, memoryNote) = options.SkipMemoryCheck
            ? (ModelMemoryEstimate.For(file, options.ContextSize, options.Parallel, native.UsesGpu ? gpuLayers : 0), "skipped (--skip-memory-check)")
            : MemoryCheck.Ensure(file, options.ContextSize, options.Parallel, gpuLayers, native.UsesGpu);
        var clock = Stopwatch.StartNew();
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)options.ContextSize,
            GpuLayerCount = gpuLayers,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            // llama.cpp's default, and llama-bench's. LLamaSharp turns the unified KV cache on, which made every
            // decode step of a lone sequence cost ~50 µs more on CPU (0.6x llama-bench's tg on stories260K).
            KVUnified = false,
        };
        if (options.BatchSize is { } batch)
            parameters.BatchSize = (uint)batch;
        if (options.UBatchSize is { } ubatch)
            parameters.UBatchSize = (uint)ubatch;
        var weights = await LlamaLoader.LoadWeightsAsync(parameters, loadProgress, cancellationToken);
        LLamaContext? context = null;
        try
        {
            var trained = weights.ContextSize;
            parameters.ContextSize = (uint)(trained > 0 ? Math.Min(options.ContextSize, trained) : options.ContextSize);
            context = LlamaLoader.CreateContext(weights, parameters);
            var loadTime = clock.Elapsed;
            // Hashed after loading: a broken file fails fast, and the weights are then in the page cache.
            var sha256 = await ModelIdentity.FileSha256Async(path, cancellationToken);
            var template = ChatTemplateChoice.For(options.ChatTemplate, weights);
            return new LlamaBackend(weights, context, parameters, options.Parallel,
                ModelDetails.Describe(options, path, sha256, summary, weights, context, native, gpuLayers, template)
                    .WithLoad(loadTime, estimate, memoryNote), template);
        }
        catch
        {
            context?.Dispose();
            weights.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Generates a completion. <see cref="Completion.TimeToFirstToken"/> and <see cref="Completion.TotalTime"/> are
    /// measured from the moment this request gets a slot (time spent queued behind other requests is not counted).
    /// </summary>
    /// <exception cref="PromptTooLongException">The prompt does not fit the context; other requests and the backend carry on.</exception>
    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        GenerateCoreAsync(request, null, cancellationToken);

    /// <inheritdoc cref="IStreamingBackend.GenerateAsync"/>
    public Task<Completion> GenerateAsync(GenerationRequest request, Action<string> onText, CancellationToken cancellationToken = default) =>
        GenerateCoreAsync(request, onText ?? throw new ArgumentNullException(nameof(onText)), cancellationToken);

    private Task<Completion> GenerateCoreAsync(GenerationRequest request, Action<string>? onText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Parameters.MaxTokens, nameof(request));
        return _scheduler.GenerateAsync(request, onText, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="PromptTooLongException">Context and continuation do not fit the context; the backend stays usable.</exception>
    public Task<LogLikelihoodResult> LogLikelihoodAsync(string context, string continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(continuation);
        return RunExclusiveAsync(() => _logLikelihood.Run(context, continuation, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="PromptTooLongException">The text does not fit the context; the backend stays usable.</exception>
    public Task<IReadOnlyList<TokenLogProb>> TokenLogProbsAsync(string text, int topK, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        return RunExclusiveAsync(() => _textScorer.Run(text, topK, cancellationToken), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using (await _scheduler.ExclusiveAsync(CancellationToken.None))
        {
            if (_disposed)
                return;
            _disposed = true;
            _scheduler.Close();
            _context.Dispose();
            _weights.Dispose();
        }
    }

    /// <summary>Holds the model for the caller until disposed; requests wait meanwhile. For work that drives the context directly.</summary>
    internal async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        var turn = await _scheduler.ExclusiveAsync(cancellationToken);
        if (_disposed)
        {
            turn.Dispose();
            throw new ObjectDisposedException(nameof(LlamaBackend));
        }
        return turn;
    }

    // Native work runs off the caller's thread.
    private async Task<T> RunExclusiveAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        using var turn = await HoldAsync(cancellationToken);
        return await Task.Run(work, cancellationToken);
    }
}
