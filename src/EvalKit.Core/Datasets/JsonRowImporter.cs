using EvalKit.Core.Datasets.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Datasets;

/// <summary>
/// The shared shape of the importers whose files hold one JSON object per line, each mapped to one case: rows are
/// streamed, and a row that cannot be mapped becomes a <see cref="DatasetProblem"/> instead of stopping the import.
/// </summary>
public abstract class JsonRowImporter : IDatasetImporter
{
    public abstract string Format { get; }

    public abstract string Description { get; }

    public abstract SuiteKind Kind { get; }

    public abstract ScorerSpec Scorer { get; }

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var row in JsonLines.Read(path, collector))
            collector.Add(path, row.Line, () => Map(row));
        return collector.Result();
    }

    /// <summary>One row to one case; throws <see cref="RowException"/> for a row that does not fit the format.</summary>
    private protected abstract EvalCase Map(JsonRow row);
}
