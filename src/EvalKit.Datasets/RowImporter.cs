using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// The shared shape of importers that map each row of a file to one case: rows are streamed, and a row that cannot be
/// mapped becomes a <see cref="DatasetProblem"/> instead of stopping the import. Subclasses say how rows are read.
/// </summary>
public abstract class RowImporter : IDatasetImporter
{
    public abstract string Format { get; }

    public abstract string Description { get; }

    public abstract SuiteKind Kind { get; }

    public abstract ScorerSpec Scorer { get; }

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var (line, item, build) in Rows(path, collector))
            collector.Add(path, line, build, item);
        return collector.Result();
    }

    /// <summary>
    /// Each row's line (or, in a JSON array, its item number, else 0) and how to build its case (throwing
    /// <see cref="RowException"/> for a bad row).
    /// </summary>
    private protected abstract IEnumerable<(long Line, long Item, Func<EvalCase> Build)> Rows(string path, CaseCollector collector);
}
