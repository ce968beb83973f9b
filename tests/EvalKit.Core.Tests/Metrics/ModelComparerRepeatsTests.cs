using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Metrics;

public class ModelComparerRepeatsTests
{
    // 10 cases: the teacher answers all, the student misses cases 0, 1 and 2.
    private static IEnumerable<SampleRecord> Run(int repeats) =>
        from c in Enumerable.Range(0, 10)
        from r in Enumerable.Range(0, repeats)
        from model in new[] { "teacher", "student" }
        let right = model == "teacher" || c >= 3
        select new SampleRecord
        {
            Model = model, Suite = "s", CaseId = $"case-{c}", Repeat = r,
            Score = right ? 1 : 0, Label = right ? ScoreLabel.Correct : ScoreLabel.Incorrect,
        };

    [Fact]
    public void Identical_repeats_do_not_narrow_the_paired_interval()
    {
        // Given the same 10 cases answered once, and answered three times the same way
        var once = ModelComparer.Compare("s", "teacher", "student", [.. Run(1)]).Overall;
        var thrice = ModelComparer.Compare("s", "teacher", "student", [.. Run(3)]).Overall;

        // Then the difference is the same, and so is its interval: repeats of a case are resampled together
        Assert.Equal(-0.3, once.Difference, 12);
        Assert.Equal(-0.3, thrice.Difference, 12);
        Assert.Equal(30, thrice.N);
        Assert.Equal(once.Low, thrice.Low, 12);
        Assert.Equal(once.High, thrice.High, 12);
        Assert.Equal(once.McNemarP, thrice.McNemarP, 12);
        Assert.Equal(9, thrice.Flips.OnlyBaseline);

        // whereas treating the 30 pairs as independent would claim a narrower interval
        var naive = PairedBootstrap.MeanDifference([.. Enumerable.Repeat(1.0, 30)], [.. Enumerable.Range(0, 30).Select(i => i < 9 ? 0.0 : 1.0)]);
        Assert.True(naive.High - naive.Low < thrice.High - thrice.Low);
    }
}
