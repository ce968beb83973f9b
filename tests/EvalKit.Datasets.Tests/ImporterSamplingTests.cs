using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

public class ImporterSamplingTests
{
    [Fact]
    public void Limit_stops_reading_and_sampling_is_seeded_and_keeps_file_order()
    {
        // Given the GSM8K file
        var path = SharedAssets.Dataset("gsm8k/test.jsonl");

        // When it is read with a limit, and sampled twice with one seed and once with another
        var limited = DatasetFormats.Import("gsm8k", path, new DatasetImportOptions { Limit = 50 });
        var a = DatasetFormats.Import("gsm8k", path, new DatasetImportOptions { Limit = 50, Sample = 20, Seed = 1 });
        var b = DatasetFormats.Import("gsm8k", path, new DatasetImportOptions { Limit = 50, Sample = 20, Seed = 1 });
        var c = DatasetFormats.Import("gsm8k", path, new DatasetImportOptions { Limit = 50, Sample = 20, Seed = 2 });

        // Then the limit keeps the first rows; the same seed picks the same cases, in file order, from within the limit
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"gsm8k-{i}"), limited.Cases.Select(x => x.Id));
        Assert.Equal(20, a.Cases.Count);
        Assert.Equal(a.Cases.Select(x => x.Id), b.Cases.Select(x => x.Id));
        Assert.NotEqual(a.Cases.Select(x => x.Id), c.Cases.Select(x => x.Id));
        Assert.Equal(a.Cases.Select(x => x.Id).OrderBy(id => int.Parse(id[6..])), a.Cases.Select(x => x.Id));
        Assert.All(a.Cases, x => Assert.Contains(x.Id, limited.Cases.Select(l => l.Id)));
    }

    [Fact]
    public void Seeded_sample_is_pinned_so_a_runtime_change_cannot_move_it()
    {
        // Given seed 1 on the first 50 GSM8K rows (rows 1, 11, 16, 30, 33: the same as a separate Python SplitMix64
        // partial Fisher-Yates gives)
        var result = DatasetFormats.Import("gsm8k", SharedAssets.Dataset("gsm8k/test.jsonl"), new DatasetImportOptions { Limit = 50, Sample = 5, Seed = 1 });

        // Then the same five rows come back
        Assert.Equal(PinnedSample, result.Cases.Select(c => c.Id));
    }

    private static readonly string[] PinnedSample = ["gsm8k-1", "gsm8k-11", "gsm8k-16", "gsm8k-30", "gsm8k-33"];
}
