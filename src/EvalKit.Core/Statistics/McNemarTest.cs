namespace EvalKit.Core.Statistics;

/// <summary>
/// McNemar's exact test for paired binary outcomes (McNemar 1947; exact binomial form): given b cases only the
/// first model got right and c only the second, p = min(1, 2 · P[X ≤ min(b, c)]) with X ~ Binomial(b + c, ½).
/// </summary>
public static class McNemarTest
{
    public static double ExactPValue(int onlyFirst, int onlySecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(onlySecond);
        var n = onlyFirst + onlySecond;
        if (n == 0)
            return 1.0;
        var k = Math.Min(onlyFirst, onlySecond);
        var tail = 0.0;
        for (var i = 0; i <= k; i++)
            tail += Math.Exp(LogChoose(n, i) - n * Math.Log(2));
        return Math.Min(1.0, 2 * tail);
    }

    internal static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
            sum += Math.Log(i);
        return sum;
    }
}
