using EvalKit.Core.Datasets.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Datasets;

/// <summary>
/// The shared shape of the importers whose files are CSV with a header row, each data row mapped to one case: rows are
/// streamed, and a row that cannot be mapped (ragged, a missing field) becomes a <see cref="DatasetProblem"/>.
/// </summary>
public abstract class CsvRowImporter : IDatasetImporter
{
    public abstract string Format { get; }

    public abstract string Description { get; }

    public abstract SuiteKind Kind { get; }

    public abstract ScorerSpec Scorer { get; }

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var row in CsvTable.Read(path, hasHeader: true, columns: null, collector))
            collector.Add(path, row.Line, () => Map(row));
        return collector.Result();
    }

    /// <summary>One row to one case; throws <see cref="RowException"/> for a row that does not fit the format.</summary>
    private protected abstract EvalCase Map(CsvRecord row);
}
