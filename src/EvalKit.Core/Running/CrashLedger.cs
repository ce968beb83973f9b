using System.Text.Json;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Running;

/// <summary>
/// Turns a dead worker into data. The case named by <see cref="InflightMarker"/> gets one more try; a case that
/// has crashed the worker <see cref="MaxCrashesPerCase"/> times is written as a failed sample and never retried.
/// Counts live in <c>crashes.json</c> so they survive the supervisor being restarted too.
/// </summary>
public static class CrashLedger
{
    public const string FileName = "crashes.json";
    public const int MaxCrashesPerCase = 2;

    /// <summary>What the supervisor should do after a crash.</summary>
    public sealed record Outcome(string Blamed, int Crashes, bool GaveUp);

    public static Outcome RecordCrash(RunDirectory directory, RunRequest request, int exitCode)
    {
        var key = InflightMarker.Read(directory) ?? "(model loading)";
        var path = Path.Combine(directory.Path, FileName);
        var counts = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path)) ?? []
            : [];
        var crashes = counts.GetValueOrDefault(key) + 1;
        counts[key] = crashes;
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(counts, JsonDefaults.Indented));

        var gaveUp = crashes >= MaxCrashesPerCase;
        if (gaveUp && FailedSample(key, request, exitCode, crashes) is { } sample)
        {
            using var writer = new SamplesWriter(directory.Path);
            writer.Append(sample);
            InflightMarker.Clear(directory);
        }
        return new Outcome(Readable(key), crashes, gaveUp);
    }

    private static SampleRecord? FailedSample(string key, RunRequest request, int exitCode, int crashes)
    {
        var parts = key.Split('\u001f');
        if (parts.Length != 4)
            return null;
        var suite = request.Suites.FirstOrDefault(s => s.Id == parts[1]);
        var evalCase = suite?.Cases.FirstOrDefault(c => c.Id == parts[2]);
        return new SampleRecord
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
        };
    }

    private static string Readable(string key) => key.Replace('\u001f', '/');
}
