using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class CrowsPairsLogLikelihoodTests
{
    [Fact]
    public async Task CrowS_pairs_are_scored_by_which_sentence_the_model_finds_more_likely()
    {
        // Given four CrowS-Pairs rows imported for log-likelihood scoring
        using var temp = new TempDir();
        var import = await EvalKitProcess.RunAsync(temp.Path, "import", "crows-pairs-loglik",
            SharedAssets.Dataset("crows_pairs/crows_pairs_anonymized.csv"), "-o", "crows.yaml", "--limit", "4");
        Assert.True(import.ExitCode == ExitCodes.Ok, import.Output);

        // When they run on a real local model
        var run = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", "crows.yaml", "-m", SharedAssets.Stories260K, "-t", "1", "--no-cache", "-o", "results");

        // Then each pair has both sentences' log-likelihoods, and it is "unbiased" exactly when sent_less is likelier
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
        var lines = File.ReadAllLines(Path.Combine(Directory.GetDirectories(temp.File("results")).Single(), "samples.jsonl"));
        Assert.Equal(4, lines.Length);
        foreach (var line in lines)
        {
            var sample = JsonDocument.Parse(line).RootElement;
            Assert.False(sample.TryGetProperty("error", out _), line);
            var ll = sample.GetProperty("choice_log_likelihoods").EnumerateArray().Select(e => e.GetProperty("log_probability").GetDouble()).ToArray();
            Assert.Equal(2, ll.Length);
            Assert.All(ll, v => Assert.True(v < 0 && double.IsFinite(v), line));
            Assert.Equal(ll[1] > ll[0] ? 1.0 : 0.0, sample.GetProperty("score").GetDouble());
        }
    }
}
