namespace EvalKit.Core.Metrics;

/// <summary>How a metric's value reads, so every writer shows it in its natural unit (<see cref="MetricFormat"/>).</summary>
public enum MetricUnit
{
    /// <summary>A proportion in [0, 1], shown as a percentage.</summary>
    Rate,

    /// <summary>A difference of two proportions in [−1, 1], shown signed in percentage points.</summary>
    Difference,

    /// <summary>A number on its own scale (the BBQ bias scores in [−1, 1]), shown signed as it is.</summary>
    Score,
}
