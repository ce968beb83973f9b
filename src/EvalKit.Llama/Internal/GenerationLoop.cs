using System.Diagnostics;
using System.Text;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;
using LLama.Sampling;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Generates one completion on a context that is reused across requests: clears its memory, decodes the
/// prompt, then samples token by token until an end-of-generation token, a stop string, the token limit
/// or a full context. Not thread-safe; the backend serialises calls.
/// </summary>
internal sealed class GenerationLoop(LLamaWeights weights, LLamaContext context)
{
    private readonly LLamaBatch _batch = new();

    public Completion Run(string renderedPrompt, LLamaToken[] prompt, GenerationParameters parameters, Stopwatch clock, CancellationToken cancellationToken)
    {
        var contextSize = (int)context.ContextSize;
        if (prompt.Length == 0)
            throw LlamaErrors.EmptyPrompt();
        if (prompt.Length > contextSize)
            throw new PromptTooLongException(prompt.Length, contextSize);

        cancellationToken.ThrowIfCancellationRequested();
        // Clearing metadata only is enough for reuse; clearing the buffers too would cost a full memset per request.
        context.NativeHandle.MemoryClear(false);
        using var sampler = CreateSampler(parameters);
        var decoder = new StreamingTokenDecoder(context);
        var text = new StringBuilder();
        var hasStops = parameters.Stop.Any(stop => stop.Length > 0);

        DecodePrompt(prompt, cancellationToken);

        var position = prompt.Length;
        var generated = 0;
        TimeSpan? firstToken = null;
        var finish = FinishReason.Length;
        while (generated < parameters.MaxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(context.NativeHandle, _batch.TokenCount - 1);
            firstToken ??= clock.Elapsed;
            if (token.IsEndOfGeneration(weights.Vocab))
            {
                finish = FinishReason.Stop;
                break;
            }
            generated++;
            decoder.Add(token);
            var before = text.Length;
            text.Append(decoder.Read());
            if (hasStops && text.Length > before)
            {
                var stopAt = StopStrings.FindEarliest(text.ToString(), parameters.Stop, before);
                if (stopAt >= 0)
                {
                    text.Length = stopAt;
                    finish = FinishReason.Stop;
                    break;
                }
            }
            if (position >= contextSize || generated == parameters.MaxTokens)
                break;
            _batch.Clear();
            _batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode();
        }

        var total = clock.Elapsed;
        return new Completion
        {
            Text = text.ToString(),
            PromptTokens = prompt.Length,
            CompletionTokens = generated,
            TimeToFirstToken = firstToken ?? total,
            TotalTime = total,
            FinishReason = finish,
            RenderedPrompt = renderedPrompt,
        };
    }

    // Sample() also accepts the token into the chain (llama_sampler_sample does), so Accept is not called again.
    private static BaseSamplingPipeline CreateSampler(GenerationParameters parameters) =>
        parameters.Temperature <= 0
            ? new GreedySamplingPipeline()
            : new DefaultSamplingPipeline
            {
                Temperature = parameters.Temperature,
                TopP = parameters.TopP,
                Seed = parameters.Seed,
                // Plain temperature + top-p sampling: LLamaSharp's defaults would also apply top-k 40 and min-p 0.1.
                TopK = 0,
                MinP = 0,
            };

    // A prompt longer than the context's batch size is decoded in batch-sized chunks; only the last needs logits.
    private void DecodePrompt(LLamaToken[] prompt, CancellationToken cancellationToken)
    {
        var chunk = Math.Max(1, (int)context.BatchSize);
        for (var start = 0; start < prompt.Length; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(prompt.Length, start + chunk);
            _batch.Clear();
            _batch.AddRange(prompt.AsSpan(start, end - start), start, LLamaSeqId.Zero, end == prompt.Length);
            Decode();
        }
    }

    private void Decode() => NativeDecode.Run(context, _batch);
}
