using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>
/// Reads <c>judgements.jsonl</c> (written by <see cref="JudgementsWriter"/>). A torn last line (the process died
/// mid-write) is ignored.
/// </summary>
public static class JudgementsFile
{
    public static IReadOnlyList<JudgementRecord> Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, JudgementRecord.FileName);
        if (!File.Exists(path))
            return [];
        var text = File.ReadAllText(path);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        var records = new List<JudgementRecord>();
        var number = 0;
        foreach (var line in complete.Split('\n'))
        {
            number++;
            if (line.Length == 0)
                continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<JudgementRecord>(line, JsonDefaults.Compact) ?? throw new JsonException("null line"));
            }
            catch (JsonException ex)
            {
                throw new EvalKitException($"{path}:{number}: not a valid judgement line ({ex.Message}).",
                    "Delete judgements.jsonl to judge the run again.");
            }
        }
        return records;
    }
}
