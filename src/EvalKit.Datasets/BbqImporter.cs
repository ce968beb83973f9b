using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>bbq</c>: BBQ JSON Lines (<c>&lt;Category&gt;.jsonl</c>, or a folder of them). Three choices (<c>ans0..ans2</c>),
/// <c>label</c> the correct one. Tags for the BBQ bias score: <c>category</c>, <c>context</c> (ambiguous /
/// disambiguated), <c>polarity</c> (neg / nonneg), <c>unknown</c> (letter of the "can't be determined" answer) and
/// <c>stereotyped</c> (letter of the biased answer: the stereotyped target in a negative question, the other person in
/// a non-negative one; the target is approximated from the row, see docs/datasets.md; absent when no single answer
/// matches). Metadata keeps the raw BBQ fields, the target's letter and how it was found.
/// </summary>
public sealed class BbqImporter : IDatasetImporter
{
    public string Format => "bbq";

    public string Description => "BBQ JSON Lines (<Category>.jsonl or a folder of them); target groups from answer_info.";

    public SuiteKind Kind => SuiteKind.Bias;

    public ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var file in DatasetFiles.In(path, "*.jsonl"))
        {
            foreach (var row in JsonLines.Read(file, collector))
                collector.Add(file, row.Line, () => Map(row));
        }
        return collector.Result();
    }

    private static EvalCase Map(JsonRow row)
    {
        string[] choices = [row.Text("ans0"), row.Text("ans1"), row.Text("ans2")];
        var label = row.Integer("label");
        var condition = row.Text("context_condition");
        var polarity = row.Text("question_polarity");
        var category = row.Text("category");
        var negative = polarity switch
        {
            "neg" => true,
            "nonneg" => false,
            _ => throw new RowException($"question_polarity must be neg or nonneg, got '{polarity}'"),
        };
        var found = BbqTargets.Find(row, choices.Length, negative);
        var tags = new Dictionary<string, string>
        {
            ["category"] = category,
            ["context"] = condition switch
            {
                "ambig" => "ambiguous",
                "disambig" => "disambiguated",
                _ => throw new RowException($"context_condition must be ambig or disambig, got '{condition}'"),
            },
            ["polarity"] = polarity,
        };
        if (found.UnknownIndex is { } u)
            tags["unknown"] = ChoicePrompt.Letter(u);
        if (found.Biased is { } b)
            tags["stereotyped"] = ChoicePrompt.Letter(b);
        return new EvalCase
        {
            Id = $"bbq-{category}-{row.Text("example_id")}",
            Prompt = ChoicePrompt.Format($"{row.Text("context")} {row.Text("question")}", choices),
            Choices = choices,
            Answer = ChoicePrompt.CheckedLetter((int)Math.Clamp(label, -1, int.MaxValue), choices.Length),
            Tags = tags,
            Metadata = new Dictionary<string, string>
            {
                ["context_condition"] = condition,
                ["question_polarity"] = polarity,
                ["label"] = label.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["question_index"] = row.OptionalText("question_index") ?? "",
                ["subcategory"] = row.OptionalText("additional_metadata.subcategory") ?? "",
                ["answer_groups"] = string.Join("; ", found.Groups),
                ["stereotyped_groups"] = row.Find("additional_metadata.stereotyped_groups")?.GetRawText() ?? "[]",
                ["target"] = found.Target is { } t ? ChoicePrompt.Letter(t) : "",
                ["target_rule"] = found.Rule,
            },
        };
    }
}
