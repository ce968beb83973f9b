using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>Reads <c>samples.jsonl</c>. A torn last line (the process died mid-write) is dropped, never parsed as data.</summary>
public static class SamplesReader
{
    public static IReadOnlyList<SampleRecord> Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, SamplesWriter.FileName);
        if (!File.Exists(path))
            return [];

        var lines = File.ReadAllText(path).Split('\n');
        var samples = new List<SampleRecord>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            var isLast = i == lines.Length - 1; // no trailing newline: the write was cut short
            try
            {
                samples.Add(JsonSerializer.Deserialize<SampleRecord>(line, JsonDefaults.Compact)
                    ?? throw new JsonException("null sample"));
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
        }
        return samples;
    }
}
