using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running.Internal;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running;

/// <summary>
/// Runs every case of every suite on every model, one model loaded at a time, appending each scored sample
/// to <c>samples.jsonl</c> as it finishes. Everything cheap is checked before the first model loads.
/// </summary>
public sealed class EvaluationRunner(IBackendFactory backends, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<RunResult> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var scorers = Validate(request);
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

        var total = request.Suites.Sum(s => s.Cases.Count);
        using (var writer = new SamplesWriter(directory.Path))
        {
            foreach (var spec in request.Models)
            {
                progress?.Report(new RunProgress(spec.Name, "", 0, total, null, RunProgress.Loading));
                await using var backend = await backends.LoadAsync(spec, cancellationToken);
                manifest = manifest with { Models = [.. manifest.Models, backend.Info with { Name = spec.Name }] };
                directory.WriteManifest(manifest);

                var done = 0;
                foreach (var suite in request.Suites)
                {
                    foreach (var evalCase in suite.Cases)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var sample = await SampleAsync(backend, spec.Name, suite, evalCase, scorers[suite.Id], cancellationToken);
                        writer.Append(sample);
                        progress?.Report(new RunProgress(spec.Name, suite.Id, ++done, total, sample.Label, RunProgress.Generating));
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

    private static async Task<SampleRecord> SampleAsync(
        IModelBackend backend, string model, Suite suite, EvalCase evalCase, IScorer scorer, CancellationToken cancellationToken)
    {
        var request = RequestBuilder.For(suite, evalCase);
        var sample = new SampleRecord
        {
            Model = model,
            Suite = suite.Id,
            CaseId = evalCase.Id,
            Seed = request.Parameters.Seed,
            Prompt = request.Prompt,
            Messages = request.Messages,
            Tags = evalCase.Tags,
            Label = ScoreLabel.Error,
        };
        Completion completion;
        try
        {
            completion = await backend.GenerateAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One case failing is data about that case, not a reason to stop the run.
            return sample with { Error = $"{ex.GetType().Name}: {ex.Message}", Reason = "generation failed" };
        }

        var score = scorer.Score(evalCase, completion.Text);
        return sample with
        {
            RenderedPrompt = completion.RenderedPrompt,
            Completion = completion.Text,
            PromptTokens = completion.PromptTokens,
            CompletionTokens = completion.CompletionTokens,
            TimeToFirstTokenMs = completion.TimeToFirstToken.TotalMilliseconds,
            TotalMs = completion.TotalTime.TotalMilliseconds,
            FinishReason = completion.FinishReason.ToString().ToLowerInvariant(),
            Score = score.Value,
            Label = score.Label,
            Reason = score.Reason,
        };
    }

    private Dictionary<string, IScorer> Validate(RunRequest request)
    {
        var problems = new List<string>();
        if (request.Suites.Count == 0)
            problems.Add("No suites to run.");
        if (request.Models.Count == 0)
            problems.Add("No models to run.");
        foreach (var duplicate in request.Models.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            problems.Add($"Model name '{duplicate.Key}' is used twice; name them: --model a=PATH --model b=PATH.");
        foreach (var spec in request.Models)
            problems.AddRange(backends.Check(spec).Select(p => $"Model '{spec.Name}': {p}"));

        var scorers = new Dictionary<string, IScorer>();
        foreach (var suite in request.Suites)
        {
            try
            {
                scorers[suite.Id] = ScorerCatalog.Create(suite.Scorer);
            }
            catch (EvalKitException ex)
            {
                problems.Add($"Suite '{suite.Id}': {ex.Message}");
            }
        }
        if (problems.Count > 0)
            throw new EvalKitException(
                "Cannot start the run:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)),
                "Nothing was loaded or written. Fix the problems above and run again.");
        return scorers;
    }
}
