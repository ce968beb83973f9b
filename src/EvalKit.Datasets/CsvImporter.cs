using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Internal;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>csv</c>: any RFC 4180 CSV file with a header row, read through a <see cref="ColumnMapping"/> of header names.
/// A mapped column missing from the header stops the import before any row is read. Ids default to
/// <c>&lt;file name&gt;-&lt;line&gt;</c>.
/// </summary>
public sealed class CsvImporter : IDatasetImporter
{
    public string Format => "csv";

    public string Description => "Any CSV file with a header row, with a mapping {prompt, expected, id, tags, choices, answer, metadata}.";

    public SuiteKind Kind => SuiteKind.Custom;

    public ScorerSpec Scorer => ScorerSpec.Default;

    public bool NeedsMapping => true;

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var mapping = options.Mapping ?? throw DatasetFormats.MappingRequired(Format);
        var collector = new CaseCollector(options);
        var stem = Path.GetFileNameWithoutExtension(path);
        var checkedHeader = false;
        foreach (var row in CsvTable.Read(path, hasHeader: true, columns: null, collector))
        {
            if (!checkedHeader)
            {
                CheckHeader(path, mapping, row.Header);
                checkedHeader = true;
            }
            collector.Add(path, row.Line, () => MappedCase.Build(mapping, $"{stem}-{row.Line}", field => [row.Field(field)]));
        }
        return collector.Result();
    }

    private static void CheckHeader(string path, ColumnMapping mapping, IReadOnlyList<string> header)
    {
        IEnumerable<string?> named = [mapping.Prompt, mapping.Expected, mapping.Id, mapping.Answer, .. mapping.Tags, .. mapping.Metadata, .. mapping.Choices];
        foreach (var column in named.OfType<string>().Where(c => !header.Contains(c)))
        {
            throw new EvalKitException(
                $"Dataset {path} has no column '{column}'.{Suggestions.DidYouMean(column, header)}",
                $"Its header names: {string.Join(", ", header)}. Fix the mapping.");
        }
    }
}
