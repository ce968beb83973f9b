using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>humaneval</c>: HumanEval gzipped (or plain) JSON Lines, <c>{task_id, prompt, canonical_solution, test,
/// entry_point}</c>. The prompt is the function header and docstring, sent as raw text. <c>test</c> and
/// <c>entry_point</c> are kept as metadata for a code-execution scorer; until one exists the reference solution is
/// the expected answer for <c>exact</c>, a strict lower bound on pass@1.
/// </summary>
public sealed class HumanEvalImporter : IDatasetImporter
{
    public string Format => "humaneval";

    public string Description => "HumanEval JSON Lines, gzipped or not {task_id, prompt, canonical_solution, test, entry_point}.";

    public SuiteKind Kind => SuiteKind.Accuracy;

    public ScorerSpec Scorer { get; } = new("code", new Dictionary<string, string>());

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var row in JsonLines.Read(path, collector))
            collector.Add(path, row.Line, () => Map(row));
        return collector.Result();
    }

    private static EvalCase Map(JsonRow row) => new()
    {
        Id = row.Text("task_id"),
        Prompt = row.Text("prompt"),
        Expected = [row.Text("canonical_solution")],
        Metadata = new Dictionary<string, string>
        {
            ["test"] = row.Text("test"),
            ["entry_point"] = row.Text("entry_point"),
        },
    };
}
