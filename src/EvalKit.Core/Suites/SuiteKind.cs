namespace EvalKit.Core.Suites;

/// <summary>What question a suite answers; decides its default metric in summaries.</summary>
public enum SuiteKind
{
    Accuracy,
    Hallucination,
    Bias,
    Censorship,
    Custom,
}
