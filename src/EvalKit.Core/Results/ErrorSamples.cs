using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>
/// <c>run --resume DIR --retry-errors</c>: takes the failed samples (<c>error</c> set) out of <c>samples.jsonl</c>
/// so that resuming runs their cases again. The file is rewritten atomically with every other line as it was (a
/// line that cannot be read is kept too). Resume then appends the new samples, so each key has one line.
/// </summary>
public static class ErrorSamples
{
    /// <summary>Removes the failed samples of the run in <paramref name="runDirectory"/>; returns how many there were.</summary>
    public static int Remove(string runDirectory)
    {
        var path = Path.Combine(runDirectory, SamplesWriter.FileName);
        if (!File.Exists(path))
            return 0;
        var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var kept = lines.Where(line => !IsError(line)).ToList();
        if (kept.Count == lines.Length)
            return 0;
        AtomicFile.WriteAllText(path, string.Concat(kept.Select(line => line + "\n")));
        return lines.Length - kept.Count;
    }

    private static bool IsError(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<SampleRecord>(line, JsonDefaults.Compact)?.Error is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
