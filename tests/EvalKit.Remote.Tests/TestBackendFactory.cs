using EvalKit.Core.Backends;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;

namespace EvalKit.Remote.Tests;

/// <summary>Loads each model of a run with a test's own function (the CLI's registry is not referenced here).</summary>
internal sealed class TestBackendFactory(Func<ModelSpec, Task<IModelBackend>> load) : IBackendFactory
{
    public IReadOnlyList<string> Check(ModelSpec spec) => [];

    public Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken) => load(spec);

    /// <summary>Runs <paramref name="suite"/> once through the real runner, with one model: an <see cref="OpenAiBackend"/> with <paramref name="options"/>.</summary>
    public static Task<RunResult> RunAsync(Suite suite, OpenAiBackendOptions options, string resultsRoot)
    {
        var factory = new TestBackendFactory(_ => Task.FromResult<IModelBackend>(OpenAiBackend.Create(options)));
        return new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("remote", $"openai:{options.BaseUrl}#{options.Model}")],
            ResultsRoot = resultsRoot,
        });
    }
}
