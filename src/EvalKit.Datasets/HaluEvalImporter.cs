using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>halueval</c>: HaluEval's <c>general_data.json</c> (JSON Lines despite its name, CRLF), <c>{ID, user_query,
/// chatgpt_response, hallucination, hallucination_spans}</c>. Each case asks the model, as the upstream task does,
/// whether the response contains hallucinated content: choice A (Yes) or B (No), checked against the human label.
/// </summary>
public sealed class HaluEvalImporter : JsonRowImporter
{
    public override string Format => "halueval";

    public override string Description => "HaluEval general_data.json (JSON Lines) {ID, user_query, chatgpt_response, hallucination}.";

    public override SuiteKind Kind => SuiteKind.Hallucination;

    public override ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    private protected override EvalCase Map(JsonRow row)
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
