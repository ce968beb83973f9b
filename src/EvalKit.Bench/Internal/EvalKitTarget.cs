using EvalKit.Core.Backends;
using EvalKit.Llama;

namespace EvalKit.Bench.Internal;

/// <summary>
/// EvalKit's own path: <see cref="LlamaBackend.GenerateAsync(GenerationRequest, CancellationToken)"/> with a raw
/// prompt. It clears its context for every request, so it runs at depth 0 only.
/// </summary>
internal sealed class EvalKitTarget(BenchCase benchCase, LlamaBackend backend, string prompt) : IDecodeTarget
{
    public static EvalKitTarget Load(BenchCase benchCase)
    {
        var backend = LlamaBackend.LoadAsync(new LlamaModelOptions(benchCase.ModelPath)
        {
            Threads = benchCase.Threads,
            ContextSize = benchCase.ContextSize,
            BatchSize = benchCase.BatchSize,
            UBatchSize = Math.Min(benchCase.UBatchSize, benchCase.BatchSize),
            GpuLayers = benchCase.GpuLayers,
            Device = benchCase.Device,
            NativeLibraryDirectory = benchCase.NativeLibraryDirectory,
        }).GetAwaiter().GetResult();
        return new EvalKitTarget(benchCase, backend, PromptFitter.Fit(backend.Weights, benchCase.Test == BenchTest.Tg ? 1 : benchCase.Tokens).Text);
    }

    public (string Type, long Size, long Params) Model =>
        (backend.Weights.NativeHandle.Description, (long)backend.Weights.NativeHandle.SizeInBytes, (long)backend.Weights.NativeHandle.ParameterCount);

    public void Prepare()
    {
    }

    public (TimeSpan FirstToken, int Tokens) Run()
    {
        var completion = backend.GenerateAsync(GenerationRequest.Raw(prompt, new GenerationParameters
        {
            MaxTokens = benchCase.Test == BenchTest.Pp ? 1 : benchCase.GeneratedTokens,
            Temperature = 0,
        })).GetAwaiter().GetResult();
        if (benchCase.Test != BenchTest.Tg && completion.PromptTokens != benchCase.Tokens)
            throw new InvalidOperationException($"The prompt was {completion.PromptTokens} tokens, not {benchCase.Tokens}.");
        return (completion.TimeToFirstToken, benchCase.Test switch
        {
            BenchTest.Pp => benchCase.Tokens,
            BenchTest.Tg => completion.CompletionTokens,
            _ => benchCase.Tokens + completion.CompletionTokens,
        });
    }

    public void Dispose() => backend.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
