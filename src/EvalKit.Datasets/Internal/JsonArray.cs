using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Streams the items of a file holding one JSON array. An item is numbered from 1 (its line is not known while
/// streaming); a syntax error stops the file, since a JSON document cannot be resynchronised.
/// </summary>
internal static class JsonArray
{
    public static IEnumerable<(long Number, JsonRow Row)> Read(string path, CaseCollector collector)
    {
        collector.Reading(path);
        if (TextSource.FindInvalidUtf8Line(path) is { } badLine)
            throw DatasetErrors.InvalidUtf8(path, badLine);
        using var stream = TextSource.OpenBytes(path);
        using var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream).ToBlockingEnumerable().GetEnumerator();
        for (long number = 1; !collector.Full; number++)
        {
            try
            {
                if (!items.MoveNext())
                    yield break;
            }
            catch (JsonException e)
            {
                throw DatasetErrors.BadJson(path, e.LineNumber + 1, JsonLines.FirstSentence(e.Message));
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw TextSource.Failure(path, e);
            }
            if (items.Current.ValueKind != JsonValueKind.Object)
                collector.Problem(path, 0, $"item {number} is not a JSON object");
            else
                yield return (number, new JsonRow(path, 0, items.Current));
        }
    }
}
