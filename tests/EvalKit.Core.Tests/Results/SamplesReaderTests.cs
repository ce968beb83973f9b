using EvalKit.Core.Results;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Results;

public class SamplesReaderTests
{
    [Fact]
    public void A_torn_last_line_is_dropped_not_parsed()
    {
        using var temp = new TempDir();
        using (var writer = new SamplesWriter(temp.Path))
        {
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "a", Label = "correct", Completion = "中文 <b>" });
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "b", Label = "incorrect" });
        }
        File.AppendAllText(Path.Combine(temp.Path, SamplesWriter.FileName), "{\"model\":\"m\",\"suite\":\"s\",\"ca");

        var samples = SamplesReader.Read(temp.Path);

        Assert.Equal(["a", "b"], samples.Select(s => s.CaseId));
        Assert.Equal("中文 <b>", samples[0].Completion);
    }

    [Fact]
    public void A_corrupt_line_in_the_middle_is_an_error_naming_the_line()
    {
        using var temp = new TempDir();
        File.WriteAllText(Path.Combine(temp.Path, SamplesWriter.FileName), "{\"model\":\"m\",\"suite\":\"s\",\"case_id\":\"a\",\"label\":\"x\"}\nnot json\n{}\n");

        var error = Assert.Throws<EvalKitException>(() => SamplesReader.Read(temp.Path));

        Assert.Contains("samples.jsonl:2", error.Message);
    }

    [Fact]
    public void A_duplicated_sample_counts_once_keeping_the_first_and_the_later_line_is_named()
    {
        using var temp = new TempDir();
        using (var writer = new SamplesWriter(temp.Path))
        {
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "a", Label = "correct", Score = 1 });
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "b", Label = "incorrect" });
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "a", Label = "incorrect", Score = 0 });
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "a", Repeat = 1, Label = "incorrect" });
        }

        var file = SamplesReader.ReadFile(temp.Path);

        Assert.Equal(["a/0", "b/0", "a/1"], file.Samples.Select(s => $"{s.CaseId}/{s.Repeat}"));
        Assert.Equal(1, file.Samples[0].Score);
        var warning = Assert.Single(file.Warnings);
        Assert.Contains("samples.jsonl:3: repeats line 1", warning);
    }

    [Fact]
    public void A_sample_of_a_case_or_suite_the_manifest_does_not_list_is_ignored_with_a_warning()
    {
        using var temp = new TempDir();
        var suite = SuiteLoader.Parse("id: s\nkind: accuracy\nscorer: {type: exact}\ncases:\n  - {id: a, prompt: p, expected: [x]}\n", "s.yaml", new());
        File.WriteAllText(Path.Combine(temp.Path, RunManifest.FileName), System.Text.Json.JsonSerializer.Serialize(new RunManifest
        {
            RunId = "r", CreatedAt = DateTimeOffset.UnixEpoch, EvalkitVersion = "t", Host = HostInfo.Current(),
            Suites = [SuiteManifest.From(suite)], ModelSpecs = [],
        }, JsonDefaults.Indented));
        using (var writer = new SamplesWriter(temp.Path))
        {
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "a", Label = "correct" });
            writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = "zz", Label = "correct" });
            writer.Append(new SampleRecord { Model = "m", Suite = "other", CaseId = "a", Label = "correct" });
        }

        var file = SamplesReader.ReadFile(temp.Path);

        Assert.Equal(["a"], file.Samples.Select(s => s.CaseId));
        Assert.Collection(file.Warnings,
            w => Assert.Contains("samples.jsonl:2: case 'zz' is not in suite 's'", w),
            w => Assert.Contains("samples.jsonl:3: suite 'other' is not part of this run", w));
    }
}
