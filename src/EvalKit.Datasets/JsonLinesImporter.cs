using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>jsonl</c>: any JSON Lines file, one object per line, read through a <see cref="ColumnMapping"/> (field names,
/// or dotted paths into nested objects). Ids default to <c>&lt;file name&gt;-&lt;line&gt;</c>.
/// </summary>
public sealed class JsonLinesImporter : IDatasetImporter
{
    public string Format => "jsonl";

    public string Description => "Any JSON Lines file, with a mapping {prompt, expected, id, tags, choices, answer, metadata}.";

    public SuiteKind Kind => SuiteKind.Custom;

    public ScorerSpec Scorer => ScorerSpec.Default;

    public bool NeedsMapping => true;

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var mapping = options.Mapping ?? throw DatasetFormats.MappingRequired(Format);
        var collector = new CaseCollector(options);
        var stem = Path.GetFileNameWithoutExtension(path);
        foreach (var row in JsonLines.Read(path, collector))
            collector.Add(path, row.Line, () => MappedCase.Build(mapping, $"{stem}-{row.Line}", field => Values(row, field)));
        return collector.Result();
    }

    private static IReadOnlyList<string>? Values(JsonRow row, string field) =>
        row.Find(field) is not { } value ? null
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(item => JsonRow.Scalar(item, field))]
        : [JsonRow.Scalar(value, field)];
}
