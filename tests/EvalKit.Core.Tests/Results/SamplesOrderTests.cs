using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Results;

public sealed class SamplesOrderTests
{
    private static readonly string[] CaseOrder = ["a", "b", "c", "d"];

    private static List<string> Keys(params string[] cases) => [.. cases.Select(c => SampleRecord.KeyOf("m", "s", c, 0))];

    private static string Write(TempDir temp, params string[] cases)
    {
        using (var writer = new SamplesWriter(temp.Path))
        {
            foreach (var id in cases)
                writer.Append(new SampleRecord { Model = "m", Suite = "s", CaseId = id, Label = "correct", Completion = $"答 {id} <b>" });
        }
        return Path.Combine(temp.Path, SamplesWriter.FileName);
    }

    [Fact]
    public void Samples_written_as_they_finished_are_put_back_in_case_order_line_for_line()
    {
        // Given samples appended in the order requests ended, plus one sample of a case the order does not know
        using var temp = new TempDir();
        var path = Write(temp, "c", "a", "zz", "d", "b");
        var lines = File.ReadAllLines(path);

        // When the finished run's file is put in order
        SamplesOrder.Restore(temp.Path, Keys(CaseOrder));

        // Then the same lines, byte for byte, in case order, the unknown one last
        Assert.Equal(["a", "b", "c", "d", "zz"], SamplesReader.Read(temp.Path).Select(s => s.CaseId));
        Assert.Equal(lines.Order(StringComparer.Ordinal), File.ReadAllLines(path).Order(StringComparer.Ordinal));
        Assert.Equal("答 a <b>", SamplesReader.Read(temp.Path)[0].Completion);
    }

    [Fact]
    public void A_file_already_in_order_is_not_rewritten()
    {
        using var temp = new TempDir();
        var path = Write(temp, "a", "b", "d");
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));

        SamplesOrder.Restore(temp.Path, Keys(CaseOrder));

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_file_with_an_unreadable_line_is_left_as_it_is()
    {
        // Given samples out of order and a line that is not a sample
        using var temp = new TempDir();
        var path = Write(temp, "b", "a");
        File.AppendAllText(path, "not json\n");
        var before = File.ReadAllText(path);

        // When / Then: nothing is lost or reordered
        SamplesOrder.Restore(temp.Path, Keys(CaseOrder));
        Assert.Equal(before, File.ReadAllText(path));
    }
}
