using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running.Internal;

namespace EvalKit.Core.Running;

/// <summary>
/// Runs every case of every suite on every model, one model loaded at a time, appending each scored sample
/// to <c>samples.jsonl</c> as it finishes. Everything cheap is checked before the first model loads. A resumed
/// run skips the samples already on disk, so it ends with exactly one sample per model × case × repeat. With
/// <see cref="RunRequest.Parallel"/> above 1, cases go to a batching backend N at a time; samples keep case order.
/// </summary>
public sealed class EvaluationRunner(IBackendFactory backends, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<RunResult> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var scorers = RunValidator.Validate(request, backends);
        var (directory, manifest) = request.ResumeDirectory is { } resume ? Reopen(resume, request) : Start(request);
        var written = SamplesReader.Read(directory.Path).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var total = request.Suites.Sum(s => s.Cases.Count);

        using (var writer = new SamplesWriter(directory.Path))
        {
            foreach (var spec in request.Models)
            {
                var todo = request.Suites
                    .SelectMany(suite => suite.Cases.Select(evalCase => (Suite: suite, Case: evalCase)))
                    .Where(x => !written.Contains(SampleRecord.KeyOf(spec.Name, x.Suite.Id, x.Case.Id)))
                    .ToList();
                if (todo.Count == 0)
                    continue;

                progress?.Report(new RunProgress(spec.Name, "", total - todo.Count, total, null, RunProgress.Loading));
                await using var backend = await backends.LoadAsync(spec, cancellationToken);
                var info = backend.Info with { Name = spec.Name };
                ResumeCheck.EnsureSameModel(directory, manifest, info);
                manifest = manifest with { Models = [.. manifest.Models.Where(m => m.Name != spec.Name), info] };
                directory.WriteManifest(manifest);

                var done = total - todo.Count;
                foreach (var group in todo.Chunk(request.Parallel))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var sample in await BatchSampleProducer.ProduceAsync(backend, spec.Name, group, scorers, cancellationToken))
                    {
                        writer.Append(sample);
                        progress?.Report(new RunProgress(spec.Name, sample.Suite, ++done, total, sample.Label, RunProgress.Generating));
                    }
                }
            }
        }

        var metrics = MetricsCalculator.Compute(
            directory.RunId, manifest.Suites, SamplesReader.Read(directory.Path), request.Models.Select(m => m.Name).ToList());
        directory.WriteMetrics(metrics);
        manifest = manifest with { CompletedAt = _clock.GetUtcNow() };
        directory.WriteManifest(manifest);
        return new RunResult(directory, manifest, metrics);
    }

    private (RunDirectory, RunManifest) Start(RunRequest request)
    {
        var directory = RunDirectory.CreateNew(request.ResultsRoot, _clock.GetUtcNow());
        var manifest = new RunManifest
        {
            RunId = directory.RunId,
            CreatedAt = _clock.GetUtcNow(),
            EvalkitVersion = EvalKitVersion.Current,
            Host = HostInfo.Current(),
            Suites = request.Suites.Select(SuiteManifest.From).ToList(),
            ModelSpecs = request.Models,
        };
        directory.WriteManifest(manifest);
        return (directory, manifest);
    }

    private static (RunDirectory, RunManifest) Reopen(string path, RunRequest request)
    {
        var directory = RunDirectory.Open(path);
        var manifest = directory.ReadManifest();
        ResumeCheck.EnsureSameConfiguration(directory, manifest, request);
        return (directory, manifest with { CompletedAt = null });
    }
}
