using System.Text.Json.Serialization;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Results;

/// <summary>
/// One line of <c>judgements.jsonl</c>: a judge's verdict on one sample (same model, suite, case and repeat as its
/// line in <c>samples.jsonl</c>), next to the rule-based label it is compared with.
/// </summary>
public sealed record JudgementRecord
{
    public const string FileName = "judgements.jsonl";

    public required string Model { get; init; }
    public required string Suite { get; init; }
    public required string CaseId { get; init; }
    public int Repeat { get; init; }
    public required string RuleLabel { get; init; }
    public double RuleScore { get; init; }
    public required JudgeVerdict Judge { get; init; }

    /// <summary>The judge's <paramref name="verdict"/> on <paramref name="sample"/>, beside the sample's rule-based label.</summary>
    public static JudgementRecord For(SampleRecord sample, JudgeVerdict verdict) => new()
    {
        Model = sample.Model,
        Suite = sample.Suite,
        CaseId = sample.CaseId,
        Repeat = sample.Repeat,
        RuleLabel = sample.Label,
        RuleScore = sample.Score,
        Judge = verdict,
    };

    /// <summary>The key of the judged sample (<see cref="SampleRecord.Key"/>).</summary>
    [JsonIgnore]
    public string Key => SampleRecord.KeyOf(Model, Suite, CaseId, Repeat);
}
