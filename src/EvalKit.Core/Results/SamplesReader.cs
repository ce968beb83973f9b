using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>
/// Reads <c>samples.jsonl</c>, the one way every command (resume, metrics, merge, report, compare) reads it. A torn
/// last line (the process died mid-write) is dropped, never parsed as data. A line repeating an earlier sample's
/// model × suite × case × repeat is set aside (the first is kept), and so is a sample of a case or suite the run's
/// <c>run.json</c> does not list, each with a warning naming the line: a sample counted twice, or one from another
/// suite, would change the figures.
/// </summary>
public static class SamplesReader
{
    public static IReadOnlyList<SampleRecord> Read(string runDirectory) => ReadFile(runDirectory).Samples;

    public static SamplesFile ReadFile(string runDirectory)
    {
        var path = Path.Combine(runDirectory, SamplesWriter.FileName);
        if (!File.Exists(path))
            return new SamplesFile([], []);

        var suites = KnownCases(runDirectory);
        var lines = File.ReadAllText(path).Split('\n');
        var samples = new List<SampleRecord>(lines.Length);
        var warnings = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            var isLast = i == lines.Length - 1; // no trailing newline: the write was cut short
            SampleRecord sample;
            try
            {
                sample = JsonSerializer.Deserialize<SampleRecord>(line, JsonDefaults.Compact) ?? throw new JsonException("null sample");
            }
            catch (JsonException) when (isLast)
            {
                break;
            }
            catch (JsonException ex)
            {
                throw new EvalKitException(
                    $"{path}:{i + 1}: not a valid sample line ({ex.Message}).",
                    "The file was edited or written by an incompatible EvalKit version; start a new run.");
            }

            var cases = (HashSet<string>?)null;
            if (suites is not null && !suites.TryGetValue(sample.Suite, out cases))
                warnings.Add($"{path}:{i + 1}: suite '{sample.Suite}' is not part of this run (run.json); the sample is ignored.");
            else if (cases is not null && !cases.Contains(sample.CaseId))
                warnings.Add($"{path}:{i + 1}: case '{sample.CaseId}' is not in suite '{sample.Suite}'; the sample is ignored.");
            else if (!firstLine.TryAdd(sample.Key, i + 1))
                warnings.Add($"{path}:{i + 1}: repeats line {firstLine[sample.Key]} (model '{sample.Model}', suite '{sample.Suite}', case '{sample.CaseId}', repeat {sample.Repeat}); the first is kept.");
            else
                samples.Add(sample);
        }
        return new SamplesFile(samples, warnings);
    }

    /// <summary>Suite id → its case ids from run.json (null ids for runs written before the manifest listed them); null without a readable manifest.</summary>
    private static Dictionary<string, HashSet<string>?>? KnownCases(string runDirectory)
    {
        var file = Path.Combine(runDirectory, RunManifest.FileName);
        if (!File.Exists(file))
            return null;
        RunManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(file), JsonDefaults.Indented);
        }
        catch (JsonException)
        {
            return null; // whoever reads the manifest itself reports it
        }
        if (manifest is null || manifest.Suites.Count == 0)
            return null;
        return manifest.Suites.ToDictionary(s => s.Id, s => s.CaseIds is null ? null : new HashSet<string>(s.CaseIds, StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
