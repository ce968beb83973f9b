using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>arc</c>: ARC JSON Lines, <c>{id, question: {stem, choices: [{text, label}]}, answerKey}</c>. Choices keep their
/// file order and are lettered A, B, ...; an answer key given as a label (<c>C</c>, or <c>3</c> in the numbered items)
/// becomes the letter of that choice.
/// </summary>
public sealed class ArcImporter : JsonRowImporter, IFewShotSource
{
    string IFewShotSource.FewShotSplit => "the Train split (ARC-*-Train.jsonl beside the Test or Dev file)";

    public override string Format => "arc";

    public override string Description => "ARC JSON Lines {id, question: {stem, choices: [{text, label}]}, answerKey}.";

    public override SuiteKind Kind => SuiteKind.Accuracy;

    public override ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    string? IFewShotSource.FewShotPool(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var split in new[] { "Test", "Dev" })
        {
            if (name.Contains(split, StringComparison.Ordinal))
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", name.Replace(split, "Train", StringComparison.Ordinal));
        }
        return null;
    }

    string IFewShotSource.Target(EvalCase example) => example.Answer!;

    private protected override EvalCase Map(JsonRow row)
    {
        var id = row.Text("id");
        var stem = row.Text("question.stem");
        var choices = new List<string>();
        var labels = new List<string>();
        foreach (var choice in row.Array("question.choices").EnumerateArray())
        {
            var item = new JsonRow(row.File, row.Line, choice);
            if (choice.ValueKind != JsonValueKind.Object)
                throw new RowException("each item of 'question.choices' must be an object {text, label}");
            choices.Add(item.Text("text"));
            labels.Add(item.Text("label"));
        }
        var key = row.Text("answerKey").Trim();
        var index = labels.IndexOf(key);
        if (index < 0)
            throw new RowException($"answerKey '{key}' is not one of the choice labels ({string.Join(", ", labels)})");
        return new EvalCase
        {
            Id = id,
            Prompt = ChoicePrompt.Format($"Question: {stem}", choices),
            Choices = choices,
            Answer = ChoicePrompt.CheckedLetter(index, choices.Count),
        };
    }
}
