using EvalKit.Core;
using EvalKit.Core.Datasets;
namespace EvalKit.Datasets.Internal;

/// <summary>One CSV row with the line it starts on; fields are read by header name or position.</summary>
internal sealed record CsvRecord(string File, long Line, IReadOnlyList<string> Fields, IReadOnlyList<string> Header)
{
    public string this[int index] => Fields[index];

    public string Field(string name) =>
        Index(name) is { } i ? Fields[i] : throw new RowException($"no column '{name}' (columns: {string.Join(", ", Header)})");

    public bool Has(string name) => Index(name) is not null;

    private int? Index(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == name)
                return i;
        }
        return null;
    }
}
