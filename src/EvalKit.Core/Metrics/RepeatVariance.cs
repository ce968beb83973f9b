namespace EvalKit.Core.Metrics;

/// <summary>
/// How much one model's results on one suite move between repeats of the same case (<c>--repeats N</c>), over the
/// cases with at least two scored repeats. <see cref="MeanCaseStdDev"/> is the mean over cases of the sample
/// standard deviation (n − 1) of the case's scores; <see cref="ScoreChangedRate"/> the share of cases whose score
/// was not the same in every repeat; <see cref="CompletionChangedRate"/> the same for the completion text.
/// </summary>
public sealed record RepeatVariance
{
    public int Repeats { get; init; }
    public int Cases { get; init; }
    public double MeanCaseStdDev { get; init; }
    public double ScoreChangedRate { get; init; }
    public double CompletionChangedRate { get; init; }
}
