using System.Diagnostics;
using System.Text;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;
using LLama.Sampling;

namespace EvalKit.Llama.Internal;

/// <summary>
/// The state of one request being generated: its sampler, the text so far, and when to stop (an end-of-generation
/// token, a stop string, the token limit, or a full context). The <see cref="SlotScheduler"/> decodes; this class
/// samples and decides. Times are read from <paramref name="clock"/>, started when the request got its slot.
/// </summary>
internal sealed class GenerationSequence(
    LLamaWeights weights, LLamaContext context, string renderedPrompt, LLamaToken[] prompt, GenerationParameters parameters, int contextSize,
    Stopwatch clock, Action<string>? onText = null)
    : IDisposable
{
    private readonly BaseSamplingPipeline? _sampler = CreateSampler(parameters);
    private readonly StreamingTokenDecoder _decoder = new(context);
    private readonly StringBuilder _text = new();
    private readonly bool _hasStops = parameters.Stop.Any(stop => stop.Length > 0);

    // A stop string may start in text already decoded, so that much is held back from onText until the end.
    private readonly int _holdBack = Math.Max(0, parameters.Stop.Select(stop => stop.Length).DefaultIfEmpty(0).Max() - 1);
    private readonly List<int> _textEnds = [];
    private readonly List<double> _elapsedMs = [];
    private int _emitted;
    private int _position = prompt.Length;
    private int _generated;
    private LLamaToken _next;
    private TimeSpan? _firstToken;
    private TimeSpan? _finishedAt;
    private FinishReason _finish = FinishReason.Length;

    public LLamaToken[] Prompt => prompt;

    public bool Finished => _finishedAt is not null;

    /// <summary>
    /// Samples from the logits at <paramref name="logitsIndex"/> of the last decode; false when the sequence has ended.
    /// The token's time is read from the clock after sampling: on a GPU, decoding returns before the work
    /// is done and reading the logits waits for it, so a time read before sampling would leave the decode out.
    /// </summary>
    public bool Advance(int logitsIndex)
    {
        if (_generated >= parameters.MaxTokens)
            return Finish(clock.Elapsed);
        // Sample() also accepts the token into the chain (llama_sampler_sample does), so Accept is not called again.
        var token = _sampler?.Sample(context.NativeHandle, logitsIndex) ?? GreedyChoice.Pick(context, logitsIndex);
        var elapsed = clock.Elapsed;
        _firstToken ??= elapsed;
        if (token.IsEndOfGeneration(weights.Vocab))
            return Finish(elapsed, FinishReason.Stop);
        _generated++;
        _decoder.Add(token);
        var before = _text.Length;
        _text.Append(_decoder.Read());
        // A model whose tokens are huge pieces of text (a hostile GGUF) is cut like an endpoint's answer.
        var capped = _text.Length > AnswerLimit.Chars(parameters.MaxTokens);
        if (capped)
            _text.Length = AnswerLimit.Chars(parameters.MaxTokens);
        _textEnds.Add(_text.Length);
        _elapsedMs.Add(elapsed.TotalMilliseconds);
        if (_hasStops && _text.Length > before)
        {
            var stopAt = StopStrings.FindEarliest(_text.ToString(), parameters.Stop, before);
            if (stopAt >= 0)
            {
                _text.Length = stopAt;
                // Tokens of the cut stop string still count as generated; they now end where the text ends.
                for (var i = _textEnds.Count - 1; i >= 0 && _textEnds[i] > stopAt; i--)
                    _textEnds[i] = stopAt;
                return Finish(elapsed, FinishReason.Stop);
            }
        }
        if (capped)
            return Finish(elapsed, FinishReason.LengthCapped);
        Emit(_holdBack);
        if (_position >= contextSize || _generated == parameters.MaxTokens)
            return Finish(elapsed);
        _next = token;
        return true;
    }

    /// <summary>Adds the token just sampled at this sequence's next position, with logits; returns its index in the batch.</summary>
    public int AddNextTo(NativeBatch batch, LLamaSeqId sequence) => batch.Add(_next, _position++, sequence, true);

    /// <exception cref="PromptTooLongException">The prompt does not fit <paramref name="contextSize"/>.</exception>
    public static void CheckPrompt(LLamaToken[] prompt, int contextSize)
    {
        if (prompt.Length == 0)
            throw LlamaErrors.EmptyPrompt();
        if (prompt.Length > contextSize)
            throw new PromptTooLongException(prompt.Length, contextSize);
    }

    public Completion ToCompletion()
    {
        var total = _finishedAt ?? throw new InvalidOperationException("The sequence has not finished.");
        return new Completion
        {
            Text = _text.ToString(),
            PromptTokens = prompt.Length,
            CompletionTokens = _generated,
            TimeToFirstToken = _firstToken ?? total,
            TotalTime = total,
            FinishReason = _finish,
            RenderedPrompt = renderedPrompt,
            Timeline = new TokenTimeline([.. _textEnds], [.. _elapsedMs]),
        };
    }

    public void Dispose() => _sampler?.Dispose();

    private bool Finish(TimeSpan elapsed, FinishReason reason = FinishReason.Length)
    {
        _finish = reason;
        _finishedAt = elapsed;
        Emit(0);
        return false;
    }

    private void Emit(int holdBack)
    {
        if (onText is null || _text.Length - holdBack <= _emitted)
            return;
        onText(_text.ToString(_emitted, _text.Length - holdBack - _emitted));
        _emitted = _text.Length - holdBack;
    }

    // Greedy decoding (temperature 0) needs no sampler: GreedyChoice reads the logits row.
    private static BaseSamplingPipeline? CreateSampler(GenerationParameters parameters) =>
        parameters.Temperature <= 0
            ? null
            : new DefaultSamplingPipeline
            {
                Temperature = parameters.Temperature,
                TopP = parameters.TopP,
                Seed = parameters.Seed,
                // Plain temperature + top-p sampling: LLamaSharp's defaults would also apply top-k 40 and min-p 0.1.
                TopK = 0,
                MinP = 0,
            };
}
