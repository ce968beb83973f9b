using System.Text;
using CsvHelper;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Streams an RFC 4180 CSV file with CsvHelper. A row with the wrong number of fields is a problem and is skipped;
/// a stray quote is kept as text (as lenient readers do); a quote that is never closed is reported where it starts;
/// blank lines are passed over; a record over <see cref="MaxRecordBytes"/> stops the file.
/// </summary>
internal static class CsvTable
{
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <param name="columns">How many fields each row has when there is no header (null: any number).</param>
    public static IEnumerable<CsvRecord> Read(string path, bool hasHeader, int? columns, CaseCollector collector)
    {
        collector.Reading(path);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                    collector.Problem(path, record.LineNumber, "a quoted field is never closed, so the rest of the file reads as one field");
            },
        };
        using var reader = CsvReader.Create(TextSource.OpenText(path), options, leaveOpen: false);
        IReadOnlyList<string>? header = null;
        while (!collector.Full)
        {
            if (!Next(reader, path))
                yield break;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = reader.GetString(i);
            if (hasHeader && header is null)
            {
                header = fields;
                continue;
            }
            var expected = header?.Count ?? columns;
            if (expected is { } count && fields.Length != count)
            {
                collector.Problem(path, reader.LineNumber, $"the row has {fields.Length} field(s), expected {count}; the row is skipped");
                continue;
            }
            yield return new CsvRecord(path, reader.LineNumber, fields, header ?? []);
        }
    }

    private static bool Next(CsvReader reader, string path)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw DatasetErrors.BadCsv(path, e.LineNumber, e.Message);
        }
        catch (Exception e) when (e is DecoderFallbackException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw TextSource.Failure(path, e);
        }
    }
}
