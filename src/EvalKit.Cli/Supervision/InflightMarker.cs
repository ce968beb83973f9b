using EvalKit.Core.Results;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// <c>inflight.txt</c> in a run folder names the work in progress right now, so a supervisor that sees its worker
/// die knows what to blame: a sample's key (<see cref="SampleRecord.Key"/>) while it is generated, or
/// <see cref="JudgingKey"/> of it while a judge grades it. Cleared while a model loads and when the run finishes.
/// The worker keeps it through <see cref="InflightObserver"/>.
/// </summary>
public static class InflightMarker
{
    public const string FileName = "inflight.txt";

    private const string JudgingPrefix = "judging\u001f";

    public static void Write(RunDirectory directory, string key) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(directory.Path, FileName), key);

    public static string? Read(RunDirectory directory)
    {
        var path = System.IO.Path.Combine(directory.Path, FileName);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public static void Clear(RunDirectory directory) => File.Delete(System.IO.Path.Combine(directory.Path, FileName));

    /// <summary>The marker for a judge grading the sample with this key.</summary>
    public static string JudgingKey(string sampleKey) => JudgingPrefix + sampleKey;

    /// <summary>The judged sample's key when <paramref name="key"/> is a <see cref="JudgingKey"/>, else null.</summary>
    public static string? JudgedSample(string key) =>
        key.StartsWith(JudgingPrefix, StringComparison.Ordinal) ? key[JudgingPrefix.Length..] : null;
}
