using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>A <see cref="RowImporter"/> over CSV with a header row: one case per data row (ragged rows are problems).</summary>
public abstract class CsvRowImporter : RowImporter
{
    private protected override IEnumerable<(long Line, long Item, Func<EvalCase> Build)> Rows(string path, CaseCollector collector) =>
        CsvTable.Read(path, hasHeader: true, columns: null, collector).Select(row => (row.Line, 0L, (Func<EvalCase>)(() => Map(row))));

    /// <summary>One row to one case; throws <see cref="RowException"/> for a row that does not fit the format.</summary>
    private protected abstract EvalCase Map(CsvRecord row);
}
