using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>Streams a JSON Lines file: one object per non-blank line; a line that is not one is a problem, not a stop.</summary>
internal static class JsonLines
{
    public static IEnumerable<JsonRow> Read(string path, CaseCollector collector)
    {
        collector.Reading(path);
        foreach (var (line, text) in TextSource.Lines(path))
        {
            if (collector.Full)
                yield break;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                collector.Problem(path, line, $"not valid JSON: {FirstSentence(e.Message)}");
                continue;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    collector.Problem(path, line, "the line is not a JSON object");
                else
                    yield return new JsonRow(path, line, document.RootElement);
            }
        }
    }

    public static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
