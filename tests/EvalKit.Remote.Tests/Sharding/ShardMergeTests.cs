using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.Llama;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Sharding;

/// <summary><c>--shard K/N</c> and <c>evalkit merge</c> on stories260K under greedy decoding.</summary>
public sealed class ShardMergeTests
{
    private static readonly TestBackendFactory _local =
        new(async _ => await LlamaBackend.LoadAsync(ServedStoriesFixture.LocalOptions));

    private static RunRequest Request(Suite suite, string root, Shard? shard) => new()
    {
        Suites = [suite],
        Models = [new ModelSpec("tiny", SharedAssets.Stories260K)],
        ResultsRoot = root,
        Shard = shard,
    };

    private static async Task<List<string>> RunShardsAsync(Suite suite, string root, int count, params int[] indices)
    {
        var runner = new EvaluationRunner(_local);
        var paths = new List<string>();
        foreach (var index in indices)
            paths.Add((await runner.RunAsync(Request(suite, root, new Shard(index, count)))).Directory.Path);
        return paths;
    }

    [Fact]
    public async Task Three_shards_merged_equal_one_unsharded_run_case_for_case()
    {
        // Given one unsharded run and the same suite run as three shards
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var whole = await new EvaluationRunner(_local).RunAsync(Request(suite, temp.File("whole"), null));
        var shards = await RunShardsAsync(suite, temp.File("shards"), 3, 1, 2, 3);

        // When the shards are merged
        var merged = RunMerger.Merge(shards, temp.File("merged"));

        // Then the merged run has the same cases with the same completions, and the same metrics
        var expected = SamplesReader.Read(whole.Directory.Path).ToDictionary(s => s.CaseId);
        var actual = SamplesReader.Read(merged.Directory.Path);
        Assert.Equal(expected.Keys.Order(), actual.Select(s => s.CaseId).Order());
        Assert.All(actual, s => Assert.Equal(expected[s.CaseId].Completion, s.Completion));
        Assert.Equal(whole.Metrics.Suites.Single().Estimate, merged.Metrics.Suites.Single().Estimate);
        Assert.Null(merged.Manifest.Shard);
        Assert.Equal(3, merged.Manifest.MergedFrom!.Count);
        // and the work was really split (by hash; for these 7 ids one shard happens to be empty, which merges too)
        var sizes = shards.Select(s => SamplesReader.Read(s).Count).ToList();
        Assert.Equal(suite.Cases.Count, sizes.Sum());
        Assert.True(sizes.Count(n => n > 0) >= 2, string.Join(",", sizes));
    }

    [Fact]
    public void Shard_membership_depends_on_ids_not_position_and_covers_every_case_once()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"case-{i}").ToList();

        var slots = ids.Select(id => Enumerable.Range(1, 4).Count(k => new Shard(k, 4).Contains("suite", id))).ToList();
        var reversed = ids.AsEnumerable().Reverse().Where(id => new Shard(2, 4).Contains("suite", id)).Order();

        Assert.All(slots, n => Assert.Equal(1, n));
        Assert.Equal(ids.Where(id => new Shard(2, 4).Contains("suite", id)).Order(), reversed);
        Assert.All(Enumerable.Range(1, 4), k => Assert.InRange(ids.Count(id => new Shard(k, 4).Contains("suite", id)), 25, 75));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("two/3")]
    [InlineData("1-3")]
    public void Malformed_shard_is_rejected_with_the_expected_form(string text)
    {
        var error = Assert.Throws<EvalKitException>(() => Shard.Parse(text));

        Assert.Contains("K/N", error.Hint);
    }

    [Fact]
    public async Task Merge_refuses_missing_overlapping_and_differently_configured_shards()
    {
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var shards = await RunShardsAsync(suite, temp.File("shards"), 3, 1, 2, 2);
        var changed = suite with { Digest = "0000" + suite.Digest[4..] };
        var other = (await new EvaluationRunner(_local).RunAsync(Request(changed, temp.File("other"), new Shard(3, 3)))).Directory.Path;

        var error = Assert.Throws<EvalKitException>(() => RunMerger.Merge([.. shards, other], temp.File("merged")));

        Assert.Contains("shard 2/3 appears more than once", error.Message);
        Assert.Contains("other suites", error.Message);
        var missing = Assert.Throws<EvalKitException>(() => RunMerger.Merge(shards.Take(2).ToList(), temp.File("merged2")));
        Assert.Contains("shard 3/3 is missing", missing.Message);
        Assert.False(Directory.Exists(temp.File("merged")));
    }
}
