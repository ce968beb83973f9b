using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using EvalKit.Bench.Internal;
using EvalKit.Core.Backends;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// The BenchmarkDotNet benchmark behind the evaluation-throughput rows of <see cref="BenchRunner"/>: one invocation
/// answers every case of one <see cref="EvalThroughputCase"/> with greedy decoding, as the runner does: the model is
/// loaded with <see cref="EvalThroughputCase.Parallel"/> slots and that many
/// <see cref="LlamaBackend.GenerateAsync(GenerationRequest, CancellationToken)"/> calls are kept in flight.
/// Public and unsealed because BenchmarkDotNet requires it; run it through <see cref="BenchRunner"/>.
/// </summary>
public class EvaluationBenchmark
{
    // The in-process toolchain runs this class in the caller's process, so the plan and what each repetition
    // produced travel through static state.
    internal static IReadOnlyList<EvalThroughputCase> Plan { get; set; } = [];

    /// <summary>Per case key: the generated tokens of each repetition, and the texts of the last one.</summary>
    internal static ConcurrentDictionary<string, (List<int> Tokens, IReadOnlyList<string> Texts)> Outputs { get; } = new();

    internal static FailureLog Failures { get; } = new();

    private LlamaBackend? _backend;
    private IReadOnlyList<GenerationRequest> _requests = [];

    public static IEnumerable<EvalThroughputCase> Cases() => Plan;

    [ParamsSource(nameof(Cases))]
    public EvalThroughputCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _requests = EvalPrompts.Create(Case.Cases, Case.MaxTokens);
        _backend = Failures.Recording(Case.Key, () => LlamaBackend.LoadAsync(new LlamaModelOptions(Case.ModelPath)
        {
            Threads = Case.Threads,
            Parallel = Case.Parallel,
            ContextSize = EvalPrompts.ContextSize(Case.MaxTokens),
            Device = Case.Device,
            NativeLibraryDirectory = Case.NativeLibraryDirectory,
        }).GetAwaiter().GetResult());
    }

    [Benchmark]
    public void Answer()
    {
        var backend = _backend ?? throw new InvalidOperationException("Setup did not run.");
        var completions = Failures.Recording(Case.Key, () => AnswerAllAsync(backend).GetAwaiter().GetResult());
        var tokens = completions.Sum(c => c.CompletionTokens);
        Outputs.AddOrUpdate(Case.Key, _ => ([tokens], Texts(completions)), (_, old) => ([.. old.Tokens, tokens], Texts(completions)));
    }

    // N requests in flight, the next sent as soon as any ends (the runner's window).
    private async Task<List<Completion>> AnswerAllAsync(LlamaBackend backend)
    {
        using var window = new SemaphoreSlim(Case.Parallel);
        var answers = _requests.Select(async request =>
        {
            await window.WaitAsync();
            try
            {
                return await backend.GenerateAsync(request);
            }
            finally
            {
                window.Release();
            }
        });
        return [.. await Task.WhenAll(answers)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _backend?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _backend = null;
    }

    private static List<string> Texts(IEnumerable<Completion> completions) => [.. completions.Select(c => c.Text)];
}
