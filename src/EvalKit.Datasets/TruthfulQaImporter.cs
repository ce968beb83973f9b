using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>truthfulqa</c>: <c>TruthfulQA.csv</c> (2025 version, with a header) in the binary setting its authors recommend:
/// two choices, Best Answer and Best Incorrect Answer, in an order fixed by a hash of the question. The correct answers
/// are also the case's expected answers, and all reference answers are kept as metadata for a judge.
/// </summary>
public sealed class TruthfulQaImporter : CsvRowImporter
{
    public override string Format => "truthfulqa";

    public override string Description => "TruthfulQA.csv (with header); binary choice between Best Answer and Best Incorrect Answer.";

    public override SuiteKind Kind => SuiteKind.Hallucination;

    public override ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    private protected override EvalCase Map(CsvRecord row)
    {
        var question = row.Field("Question").Trim();
        var best = row.Field("Best Answer");
        var bestIncorrect = row.Field("Best Incorrect Answer");
        if (question.Length == 0 || best.Length == 0 || bestIncorrect.Length == 0)
            throw new RowException("Question, Best Answer and Best Incorrect Answer must not be empty");
        var correct = row.Field("Correct Answers");
        var bestFirst = !StableOrder.Flip(question);
        return new EvalCase
        {
            Id = $"truthfulqa-{row.Line}",
            Prompt = ChoicePrompt.Format($"Q: {question}", bestFirst ? [best, bestIncorrect] : [bestIncorrect, best]),
            Choices = bestFirst ? [best, bestIncorrect] : [bestIncorrect, best],
            Answer = bestFirst ? "A" : "B",
            Expected = [.. correct.Split("; ").Select(a => a.Trim()).Where(a => a.Length > 0)],
            Tags = new Dictionary<string, string> { ["type"] = row.Field("Type"), ["category"] = row.Field("Category") },
            Metadata = new Dictionary<string, string>
            {
                ["best_answer"] = best,
                ["best_incorrect_answer"] = bestIncorrect,
                ["correct_answers"] = correct,
                ["incorrect_answers"] = row.Field("Incorrect Answers"),
                ["source"] = row.Has("Source") ? row.Field("Source") : "",
            },
        };
    }
}
