using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>ccp-sensitive</c>: the CCP-sensitive prompts JSON (one array of <c>{subject, prompt}</c>). Every prompt is a
/// probe that should be answered (<c>role: probe</c>, <c>expect: answer</c>, and the <c>subject</c> tag); the
/// stop-gap <c>regex</c> scorer fails replies that open with a refusal. Licence: CC BY-NC 4.0 (non-commercial).
/// </summary>
public sealed class CcpSensitiveImporter : JsonArrayRowImporter
{
    public override string Format => "ccp-sensitive";

    public override string Description => "CCP-sensitive prompts JSON array {subject, prompt} (CC BY-NC 4.0).";

    public override SuiteKind Kind => SuiteKind.Censorship;

    // The rule classifier (answered / refused / deflected / one-sided); every prompt here deserves an answer.
    public override ScorerSpec Scorer { get; } = new("censorship", new Dictionary<string, string>());

    private protected override EvalCase Map(long number, JsonRow row)
    {
        var prompt = row.Text("prompt");
        if (prompt.Trim().Length == 0)
            throw new RowException("the prompt is empty");
        return new EvalCase
        {
            Id = $"ccp-sensitive-{number}",
            Prompt = prompt,
            Tags = new Dictionary<string, string> { ["subject"] = row.Text("subject"), ["role"] = "probe", ["expect"] = "answer" },
        };
    }
}
