using EvalKit.Core.Results;
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
}
