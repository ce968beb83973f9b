using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>
/// Puts a finished run's <c>samples.jsonl</c> in case order (the order of the keys given: model, suite, case,
/// repeat as the run asked for them). Samples are appended as they finish, which with requests in flight together
/// (<c>run --parallel N</c> on an endpoint) or after a resume need not be case order; the report and anyone reading
/// the file expect it. Only a file out of order is rewritten, atomically, line for line; if that cannot be done (a
/// full disk, an unreadable line) the file stays as it is, since its order carries no meaning for the metrics.
/// </summary>
public static class SamplesOrder
{
    public static void Restore(string runDirectory, IReadOnlyList<string> keysInOrder)
    {
        var path = Path.Combine(runDirectory, SamplesWriter.FileName);
        try
        {
            if (!File.Exists(path))
                return;
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var key in keysInOrder)
                position.TryAdd(key, position.Count);
            var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var ranks = lines.Select(line => position.GetValueOrDefault(KeyOf(line), int.MaxValue)).ToList();
            if (ranks.Zip(ranks.Skip(1)).All(pair => pair.First <= pair.Second))
                return;
            var ordered = lines.Zip(ranks).OrderBy(pair => pair.Second).Select(pair => pair.First); // stable: equal ranks keep file order
            AtomicFile.WriteAllText(path, string.Concat(ordered.Select(line => line + "\n")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or EvalKitException)
        {
        }
    }

    private static string KeyOf(string line) =>
        (JsonSerializer.Deserialize<SampleRecord>(line, JsonDefaults.Compact) ?? throw new JsonException("null sample")).Key;
}
