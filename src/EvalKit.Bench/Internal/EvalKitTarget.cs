using EvalKit.Core.Backends;
using EvalKit.Llama;

namespace EvalKit.Bench.Internal;

/// <summary>EvalKit's own path: <see cref="LlamaBackend.GenerateAsync(GenerationRequest, CancellationToken)"/> with a raw prompt.</summary>
internal sealed class EvalKitTarget(LlamaBackend backend, string prompt) : IDecodeTarget
{
    public static EvalKitTarget Load(BenchCase benchCase)
    {
        var backend = LlamaBackend.LoadAsync(new LlamaModelOptions(benchCase.ModelPath)
        {
            Threads = benchCase.Threads,
            ContextSize = benchCase.ContextSize,
            Device = benchCase.Device,
            NativeLibraryDirectory = benchCase.NativeLibraryDirectory,
        }).GetAwaiter().GetResult();
        var promptTokens = benchCase.Test == BenchTest.Pp ? benchCase.Tokens : 1;
        return new EvalKitTarget(backend, PromptFitter.Fit(backend.Weights, promptTokens).Text);
    }

    public TimeSpan PromptProcessing(int tokens)
    {
        var completion = Generate(1);
        if (completion.PromptTokens != tokens)
            throw new InvalidOperationException($"The prompt was {completion.PromptTokens} tokens, not {tokens}.");
        return completion.TimeToFirstToken;
    }

    public (TimeSpan FirstToken, int Generated) Generation(int tokens)
    {
        var completion = Generate(tokens);
        return (completion.TimeToFirstToken, completion.CompletionTokens);
    }

    public void Dispose() => backend.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Completion Generate(int maxTokens) =>
        backend.GenerateAsync(GenerationRequest.Raw(prompt, new GenerationParameters { MaxTokens = maxTokens, Temperature = 0 }))
            .GetAwaiter().GetResult();
}
