using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public class PairedStatisticsTests
{
    [Theory]
    // b = 10, c = 2: P[X ≤ 2 | n = 12, ½] = (1 + 12 + 66) / 4096 = 0.0192871; two-sided p = 0.0385742.
    [InlineData(10, 2, 0.0385742)]
    // b = 2, c = 10: symmetric.
    [InlineData(2, 10, 0.0385742)]
    // b = 5, c = 5: 2 · 638/1024 > 1, capped at 1.
    [InlineData(5, 5, 1.0)]
    // b = 6, c = 0: 2 · (1/64) = 0.03125.
    [InlineData(6, 0, 0.03125)]
    // No discordant pairs: no evidence of a difference.
    [InlineData(0, 0, 1.0)]
    public void McNemar_exact_p_matches_the_binomial_hand_calculation(int onlyFirst, int onlySecond, double expected) =>
        Assert.Equal(expected, McNemarTest.ExactPValue(onlyFirst, onlySecond), 6);

    [Theory]
    // HumanEval estimator, n = 10, c = 3: k = 1 gives c/n = 0.3; k = 5 gives 1 − C(7,5)/C(10,5) = 1 − 21/252.
    [InlineData(10, 3, 1, 0.3)]
    [InlineData(10, 3, 5, 0.9166667)]
    [InlineData(10, 0, 5, 0.0)]
    [InlineData(10, 8, 5, 1.0)]
    public void Pass_at_k_matches_the_unbiased_estimator(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 6);

    [Fact]
    public void Paired_bootstrap_is_reproducible_with_a_seed_and_brackets_the_mean()
    {
        // 20 cases: the candidate loses 4 the baseline got right and wins 1: mean difference −3/20 = −0.15.
        double[] baseline = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
        double[] candidate = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0];

        var first = PairedBootstrap.MeanDifference(baseline, candidate, seed: 7);
        var second = PairedBootstrap.MeanDifference(baseline, candidate, seed: 7);

        Assert.Equal(first, second);
        Assert.Equal(-0.15, first.Mean, 10);
        // Differences: four −1, one +1, fifteen 0: sd = √(5/20 − 0.15²) = 0.477, standard error 0.477/√20 = 0.107,
        // so the percentile interval sits near −0.15 ± 1.96 · 0.107 = [−0.36, 0.06].
        Assert.InRange(first.Low, -0.40, -0.30);
        Assert.InRange(first.High, 0.0, 0.10);
    }

    [Fact]
    public void Paired_bootstrap_of_constant_differences_has_zero_width() =>
        Assert.Equal((0.5, 0.5, 0.5), PairedBootstrap.MeanDifference([0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]));

    [Fact]
    public void Cohens_kappa_matches_the_textbook_example()
    {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
        var first = Enumerable.Repeat("yes", 25).Concat(Enumerable.Repeat("no", 25)).ToList();
        var second = Enumerable.Repeat("yes", 20).Concat(Enumerable.Repeat("no", 5))
            .Concat(Enumerable.Repeat("yes", 10)).Concat(Enumerable.Repeat("no", 15)).ToList();

        Assert.Equal(0.4, CohensKappa.Compute(first, second), 10);
    }

    [Fact]
    public void Benjamini_Hochberg_adjusts_in_input_order()
    {
        // Sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04 (then running minimum from the top).
        var adjusted = BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.02, 0.04, 0.04, 0.02], adjusted.Select(p => Math.Round(p, 10)));
    }
}
