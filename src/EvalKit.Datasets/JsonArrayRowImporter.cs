using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>A <see cref="RowImporter"/> over a file holding one JSON array: one case per element, numbered from 1.</summary>
public abstract class JsonArrayRowImporter : RowImporter
{
    private protected override IEnumerable<(long Line, long Item, Func<EvalCase> Build)> Rows(string path, CaseCollector collector) =>
        JsonArray.Read(path, collector).Select(element => (0L, element.Number, (Func<EvalCase>)(() => Map(element.Number, element.Row))));

    /// <summary>One element (its 1-based number and its object) to one case; throws <see cref="RowException"/> for one that does not fit.</summary>
    private protected abstract EvalCase Map(long number, JsonRow row);
}
