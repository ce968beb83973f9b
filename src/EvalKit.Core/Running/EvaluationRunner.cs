using System.Globalization;
using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running.Internal;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running;

/// <summary>
/// Runs every case of every suite on every model, one model loaded at a time (and only when some answer is not in
/// the response cache), appending each scored sample to <c>samples.jsonl</c> as it finishes. Everything cheap is
/// checked before the first model loads. A resumed run skips the samples already on disk, so it ends with exactly one sample per model × case × repeat.
/// Every backend gets up to <see cref="RunRequest.Parallel"/> requests in flight, and batches them for itself;
/// samples are written as they finish and the file is put back in case order once the run is complete.
/// </summary>
public sealed class EvaluationRunner(IBackendFactory backends, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Validates the request and creates the run folder and manifest, without loading any model.</summary>
    public RunDirectory Prepare(RunRequest request)
    {
        RunValidator.Validate(request, backends);
        return Start(request).Item1;
    }

    public async Task<RunResult> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var scorers = RunValidator.Validate(request, backends);
        var (directory, manifest) = request.ResumeDirectory is { } resume ? Reopen(resume, request) : Start(request);
        using var writerLock = directory.AcquireWriterLock();
        var observer = request.Observer ?? SilentObserver.Instance;
        observer.RunStarted(directory);
        var existing = SamplesReader.Read(directory.Path);
        var written = existing.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var spend = existing.Sum(s => request.Models.FirstOrDefault(m => m.Name == s.Model) is { } m ? ModelUsage.CostOf(s, m) : 0);
        var total = request.Suites.Sum(s => s.Cases.Count(c => InShard(request, s.Id, c.Id))) * request.Repeats;

        using (var writer = new SamplesWriter(directory.Path))
        {
            foreach (var spec in request.Models)
            {
                var todo = request.Suites
                    .SelectMany(suite => suite.Cases.Where(evalCase => InShard(request, suite.Id, evalCase.Id)).SelectMany(evalCase =>
                        Enumerable.Range(0, request.Repeats).Select(repeat => (Suite: suite, Case: evalCase, Repeat: repeat))))
                    .Where(x => !written.Contains(SampleRecord.KeyOf(spec.Name, x.Suite.Id, x.Case.Id, x.Repeat)))
                    .ToList();
                if (todo.Count == 0)
                    continue;
                if (spend > request.MaxCost)
                    break;

                var done = total - todo.Count;
                progress?.Report(new RunProgress(spec.Name, "", done, total, null, RunProgress.Starting));
                PeakMemory.Reset();
                var loading = false;
                var model = new LazyBackend(backends, spec,
                    () =>
                    {
                        // A native crash while loading is the model's fault, not the case's that happened to need it first.
                        loading = true;
                        observer.ModelLoading(spec.Name);
                        progress?.Report(new RunProgress(spec.Name, "", done, total, null, RunProgress.Loading));
                    },
                    info =>
                    {
                        if (loading)
                            observer.ModelLoaded(spec.Name);
                        loading = false;
                        ResumeCheck.EnsureSameModel(directory, manifest, info);
                        manifest = manifest with { Models = [.. manifest.Models.Where(m => m.Name != spec.Name), info] };
                        directory.WriteManifest(manifest);
                    });
                await using var backend = request.Decorate?.Invoke(model) ?? model;
                await using var _ = model;

                await foreach (var sample in SampleProducer.ProduceAsync(model, backend, observer, todo, scorers, request.Parallel, _clock, cancellationToken))
                {
                    writer.Append(sample);
                    var phase = sample.Cached ? RunProgress.Cached : RunProgress.Generating;
                    progress?.Report(new RunProgress(spec.Name, sample.Suite, ++done, total, sample.Label, phase));
                    spend += ModelUsage.CostOf(sample, spec);
                    if (spend > request.MaxCost)
                        break;
                }
                if (model.Loaded is not null && PeakMemory.ResidentBytes() is { } peak
                    && manifest.Models.FirstOrDefault(m => m.Name == spec.Name) is { } loaded)
                {
                    var details = new Dictionary<string, string>(loaded.Details) { [ModelInfo.PeakResidentBytesDetail] = peak.ToString(CultureInfo.InvariantCulture) };
                    manifest = manifest with { Models = [.. manifest.Models.Select(m => m == loaded ? m with { Details = details } : m)] };
                    directory.WriteManifest(manifest);
                }
                if (spend > request.MaxCost)
                    break;
            }
        }
        if (spend > request.MaxCost)
            throw BudgetSpent(directory, spend, request.MaxCost.Value);

        SamplesOrder.Restore(directory.Path, CaseOrder(request));
        observer.PhaseEnded();
        await JudgePhase.RunAsync(backends, request, directory, observer, progress, cancellationToken);
        observer.PhaseEnded();
        var samples = SamplesReader.Read(directory.Path);
        var metrics = MetricsCalculator.Compute(
            directory.RunId, manifest.Suites, samples, request.Models.Select(m => m.Name).ToList(),
            JudgementsFile.Read(directory.Path));
        metrics = metrics with { Usage = ModelUsage.From(samples, request.Models) };
        directory.WriteMetrics(metrics);
        manifest = manifest with { CompletedAt = _clock.GetUtcNow() };
        directory.WriteManifest(manifest);
        return new RunResult(directory, manifest, metrics);
    }

    private static EvalKitException BudgetSpent(RunDirectory directory, double spend, double limit) => new(
        $"Stopped: the estimated spend {Invariant(spend)} passed {Setting.MaxCost} {Invariant(limit)}. Samples written so far are kept.",
        $"Finish the run with a higher limit: {Operation.Run} {Setting.Resume} {directory.Path} {Setting.MaxCost} AMOUNT (the spend counts every generated sample of the run).",
        ErrorKind.RuntimeFailure);

    private static string Invariant(double amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);

    private static List<string> CaseOrder(RunRequest request) =>
    [
        .. from spec in request.Models
           from suite in request.Suites
           from evalCase in suite.Cases
           from repeat in Enumerable.Range(0, request.Repeats)
           select SampleRecord.KeyOf(spec.Name, suite.Id, evalCase.Id, repeat),
    ];

    private static bool InShard(RunRequest request, string suiteId, string caseId) =>
        request.Shard?.Contains(suiteId, caseId) ?? true;

    private (RunDirectory, RunManifest) Start(RunRequest request)
    {
        RunManifest? manifest = null;
        var directory = RunDirectory.CreateNew(request.ResultsRoot, _clock.GetUtcNow(), runId => manifest = new RunManifest
        {
            RunId = runId,
            CreatedAt = _clock.GetUtcNow(),
            EvalkitVersion = EvalKitVersion.Current,
            Host = HostInfo.Current(),
            Repeats = request.Repeats,
            Suites = request.Suites.Select(SuiteManifest.From).ToList(),
            ModelSpecs = request.Models,
            JudgeSpecs = request.Judges.Count > 0 ? request.Judges : null,
            Shard = request.Shard,
            UnsafeCode = request.UnsafeCode ? true : null,
        });
        return (directory, manifest!);
    }

    private static (RunDirectory, RunManifest) Reopen(string path, RunRequest request)
    {
        var directory = RunDirectory.Open(path);
        var manifest = directory.ReadManifest();
        ResumeCheck.EnsureSameConfiguration(directory, manifest, request);
        return (directory, manifest with { CompletedAt = null });
    }
}
