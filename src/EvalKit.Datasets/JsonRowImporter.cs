using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>A <see cref="RowImporter"/> over JSON Lines: one JSON object per line, one case per object.</summary>
public abstract class JsonRowImporter : RowImporter
{
    private protected override IEnumerable<(long Line, long Item, Func<EvalCase> Build)> Rows(string path, CaseCollector collector) =>
        JsonLines.Read(path, collector).Select(row => (row.Line, 0L, (Func<EvalCase>)(() => Map(row))));

    /// <summary>One row to one case; throws <see cref="RowException"/> for a row that does not fit the format.</summary>
    private protected abstract EvalCase Map(JsonRow row);
}
