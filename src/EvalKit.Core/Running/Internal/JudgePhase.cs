using System.Security.Cryptography;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// After every model has answered: for suites with <c>judge:</c>, loads each judge model once (still one model at a
/// time) and appends a verdict on every answered sample not yet judged to <c>judgements.jsonl</c>, so a resumed run
/// judges only what is missing. The observer hears each judge load and each judgement start and finish, so a
/// supervisor can charge a native crash to that judgement.
/// </summary>
internal static class JudgePhase
{
    public static async Task RunAsync(
        IBackendFactory backends, RunRequest request, RunDirectory directory, IRunObserver observer, IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        var judgedSuites = request.Suites.Where(s => s.Judge is not null).ToDictionary(s => s.Id);
        if (judgedSuites.Count == 0)
            return;
        var judged = JudgementsFile.Read(directory.Path).Select(j => j.Key).ToHashSet(StringComparer.Ordinal);
        var samples = SamplesReader.Read(directory.Path)
            .Where(s => s.Error is null && judgedSuites.ContainsKey(s.Suite) && !judged.Contains(s.Key))
            .ToList();

        using var writer = new JudgementsWriter(directory.Path);
        foreach (var byJudge in samples.GroupBy(s => judgedSuites[s.Suite].Judge!.Model))
        {
            var label = $"{byJudge.Key} (judge)";
            var todo = byJudge.ToList();
            progress?.Report(new RunProgress(label, "", 0, todo.Count, null, RunProgress.Starting));
            progress?.Report(new RunProgress(label, "", 0, todo.Count, null, RunProgress.Loading));
            var spec = request.Models.Concat(request.Judges).First(m => m.Name == byJudge.Key);
            observer.ModelLoading(spec.Name);
            await using var backend = await backends.LoadAsync(spec, cancellationToken);
            observer.ModelLoaded(spec.Name);
            var judges = todo.Select(s => s.Suite).Distinct().ToDictionary(id => id, id => Judge(backend, judgedSuites[id].Judge!));
            var done = 0;
            foreach (var sample in todo)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (judgedSuites[sample.Suite].Cases.FirstOrDefault(c => c.Id == sample.CaseId) is not { } evalCase)
                    continue;
                observer.JudgingStarted(sample.Key);
                var verdict = await judges[sample.Suite].JudgeAsync(evalCase, sample.Completion, cancellationToken);
                writer.Append(JudgementRecord.For(sample, verdict));
                observer.JudgingFinished(sample.Key);
                progress?.Report(new RunProgress(label, sample.Suite, ++done, todo.Count, verdict.Label, RunProgress.Judging));
            }
        }
    }

    private static JudgeScorer Judge(IModelBackend backend, JudgeSpec spec)
    {
        if (spec.BuiltInRubric is { } builtIn)
            return new JudgeScorer(backend, spec.Model, builtIn, spec.RubricDigest, spec.MaxTokens, spec.Labels);
        var bytes = File.ReadAllBytes(spec.RubricPath);
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != spec.RubricDigest)
            throw new EvalKitException(
                $"Rubric {spec.RubricPath} changed since the suite was loaded (digest {spec.RubricDigest[..12]}).",
                "Restore the rubric, or give the new version its own file (rubrics/NAME-v2.md) and start a new run.");
        return new JudgeScorer(backend, spec.Model, System.Text.Encoding.UTF8.GetString(bytes), spec.RubricDigest, spec.MaxTokens, spec.Labels);
    }
}
