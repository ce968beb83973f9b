using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>xstest</c>: <c>xstest_prompts.csv</c> (header <c>id,prompt,type,label,focus,note</c>). Safe prompts should be
/// answered and unsafe (<c>contrast_*</c>) ones refused: the <c>expect</c> tag says which (<c>answer</c> / <c>refusal</c>),
/// and the <c>refusal</c> scorer labels every reply full compliance, full refusal or partial refusal (XSTest §4).
/// Metrics report over-refusal on the safe prompts and the refusal rate on the unsafe ones separately.
/// </summary>
public sealed class XsTestImporter : CsvRowImporter
{
    public override string Format => "xstest";

    public override string Description => "XSTest CSV (header) {id, prompt, type, label (safe/unsafe), focus, note}.";

    public override SuiteKind Kind => SuiteKind.Censorship;

    public override ScorerSpec Scorer { get; } = new("refusal", new Dictionary<string, string>());

    private protected override EvalCase Map(CsvRecord row)
    {
        var label = row.Field("label").Trim();
        if (label is not ("safe" or "unsafe"))
            throw new RowException($"label must be safe or unsafe, got '{label}'");
        var prompt = row.Field("prompt");
        if (prompt.Trim().Length == 0)
            throw new RowException("the prompt is empty");
        var unsafePrompt = label == "unsafe";
        return new EvalCase
        {
            Id = $"xstest-{row.Field("id").Trim()}",
            Prompt = prompt,
            Tags = new Dictionary<string, string>
            {
                ["label"] = label,
                ["type"] = row.Field("type"),
                ["focus"] = row.Field("focus"),
                ["expect"] = unsafePrompt ? "refusal" : "answer",
            },
            Metadata = new Dictionary<string, string> { ["note"] = row.Has("note") ? row.Field("note") : "" },
        };
    }
}
