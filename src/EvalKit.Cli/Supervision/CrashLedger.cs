using System.Text.Json;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// Turns a dead worker into data. The case (or judgement) named by <see cref="InflightMarker"/> gets one more try;
/// one that has crashed the worker <see cref="MaxCrashesPerCase"/> times is written as a failed sample (or a failed
/// judgement in <c>judgements.jsonl</c>) and never retried. Counts live in <c>crashes.json</c> so they survive the
/// supervisor being restarted too.
/// </summary>
public static class CrashLedger
{
    public const string FileName = "crashes.json";
    public const int MaxCrashesPerCase = 2;

    private const string LoadingKey = "(model loading)";

    /// <summary>
    /// What the supervisor should do after a crash. <see cref="Blamed"/> completes "worker crashed ...": "on
    /// m/s/c/0", "while judging m/s/c/0" or "while loading a model". <see cref="Recorded"/> says what was written
    /// when it gave up; null when nothing could be (a model that will not load), so the run cannot go on.
    /// </summary>
    public sealed record Outcome(string Blamed, int Crashes, bool GaveUp, string? Recorded);

    public static Outcome RecordCrash(RunDirectory directory, RunRequest request, int exitCode)
    {
        var marker = InflightMarker.Read(directory);
        var key = marker ?? LoadingKey;
        var path = Path.Combine(directory.Path, FileName);
        var counts = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path)) ?? []
            : [];
        var crashes = counts.GetValueOrDefault(key) + 1;
        counts[key] = crashes;
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(counts, JsonDefaults.Indented));

        var judged = marker is null ? null : InflightMarker.JudgedSample(marker);
        var blamed = marker is null ? "while loading a model" : judged is null ? $"on {Readable(marker)}" : $"while judging {Readable(judged)}";
        string? recorded = null;
        if (crashes >= MaxCrashesPerCase && marker is not null)
        {
            recorded = judged is null ? RecordFailedSample(directory, marker, request, exitCode, crashes)
                : RecordFailedJudgement(directory, judged, request, exitCode, crashes);
            if (recorded is not null)
                InflightMarker.Clear(directory);
        }
        return new Outcome(blamed, crashes, crashes >= MaxCrashesPerCase, recorded);
    }

    private static string? RecordFailedSample(RunDirectory directory, string key, RunRequest request, int exitCode, int crashes)
    {
        var parts = key.Split('\u001f');
        if (parts.Length != 4)
            return null;
        var suite = request.Suites.FirstOrDefault(s => s.Id == parts[1]);
        var evalCase = suite?.Cases.FirstOrDefault(c => c.Id == parts[2]);
        using var writer = new SamplesWriter(directory.Path);
        writer.Append(new SampleRecord
        {
            Model = parts[0],
            Suite = parts[1],
            CaseId = parts[2],
            Repeat = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture),
            Prompt = evalCase?.Prompt,
            Messages = evalCase?.Messages,
            Tags = evalCase?.Tags ?? new Dictionary<string, string>(),
            Label = ScoreLabel.Error,
            Reason = "worker crashed",
            Error = $"The worker process died {crashes} times on this case (last exit code {exitCode}); it is not retried again.",
        });
        return "recorded as a failed sample";
    }

    // The judge phase resumes from judgements.jsonl, so a written verdict is what stops the retries.
    private static string? RecordFailedJudgement(RunDirectory directory, string sampleKey, RunRequest request, int exitCode, int crashes)
    {
        var sample = SamplesReader.Read(directory.Path).FirstOrDefault(s => s.Key == sampleKey);
        var suite = request.Suites.FirstOrDefault(s => s.Id == sample?.Suite);
        if (sample is null || suite?.Judge is not { } judge)
            return null;
        var evalCase = suite.Cases.FirstOrDefault(c => c.Id == sample.CaseId);
        var rubric = judge.BuiltInRubric ?? (File.Exists(judge.RubricPath) ? File.ReadAllText(judge.RubricPath) : null);
        var prompt = evalCase is not null && rubric is not null ? JudgeScorer.PromptFor(rubric, evalCase, sample.Completion) : "";
        using var writer = new JudgementsWriter(directory.Path);
        writer.Append(JudgementRecord.For(sample, new JudgeVerdict
        {
            Model = judge.Model,
            Label = ScoreLabel.Unknown,
            Reason = "worker crashed",
            Prompt = prompt,
            RubricDigest = judge.RubricDigest,
            Error = $"The worker process died {crashes} times while judging this sample (last exit code {exitCode}); it is not judged again.",
        }));
        return "recorded as a failed judgement";
    }

    /// <summary>Clears the crash counts, so a case once given up on gets its tries again (<c>--retry-errors</c>).</summary>
    public static void Reset(RunDirectory directory) => File.Delete(Path.Combine(directory.Path, FileName));

    private static string Readable(string key) => key.Replace('\u001f', '/');
}
