using EvalKit.Core.Datasets.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Datasets;

/// <summary>
/// <c>halueval</c>: HaluEval's <c>general_data.json</c> (JSON Lines despite its name, CRLF), <c>{ID, user_query,
/// chatgpt_response, hallucination, hallucination_spans}</c>. Each case asks the model, as the upstream task does,
/// whether the response contains hallucinated content: choice A (Yes) or B (No), checked against the human label.
/// </summary>
public sealed class HaluEvalImporter : IDatasetImporter
{
    public string Format => "halueval";

    public string Description => "HaluEval general_data.json (JSON Lines) {ID, user_query, chatgpt_response, hallucination}.";

    public SuiteKind Kind => SuiteKind.Hallucination;

    public ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var row in JsonLines.Read(path, collector))
            collector.Add(path, row.Line, () => Map(row));
        return collector.Result();
    }

    private static EvalCase Map(JsonRow row)
    {
        var query = row.Text("user_query");
        var response = row.Text("chatgpt_response");
        var label = row.Text("hallucination").Trim().ToLowerInvariant();
        if (label is not ("yes" or "no"))
            throw new RowException($"'hallucination' must be yes or no, got '{label}'");
        var question = "Does the response below contain non-factual or hallucinated information?\n\n"
            + $"Query: {query}\nResponse: {response}\n";
        return new EvalCase
        {
            Id = $"halueval-{row.Line}",
            Prompt = ChoicePrompt.Format(question, ["Yes", "No"]),
            Choices = ["Yes", "No"],
            Answer = label == "yes" ? "A" : "B",
            Tags = new Dictionary<string, string> { ["hallucination"] = label },
            Metadata = new Dictionary<string, string>
            {
                ["id"] = row.Text("ID"),
                ["user_query"] = query,
                ["chatgpt_response"] = response,
                ["hallucination_spans"] = row.Find("hallucination_spans")?.GetRawText() ?? "[]",
            },
        };
    }
}
