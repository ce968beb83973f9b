using System.Text.Json;
using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Results;

public class SamplesWriterDiskTests
{
    private static SampleRecord Sample(int i) => new()
    {
        Model = "m",
        Suite = "s",
        CaseId = $"c{i}",
        Label = "correct",
        Completion = new string('w', 300) + i,
    };

    [Fact]
    public void A_full_disk_fails_with_the_disk_full_hint_and_leaves_only_whole_lines()
    {
        using var disk = new TmpfsFolder(sizeKib: 8);
        var written = 0;

        var error = Assert.Throws<EvalKitException>(() =>
        {
            using var writer = new SamplesWriter(disk.Path);
            for (; written < 1000; written++)
                writer.Append(Sample(written));
        });

        Assert.Equal(ErrorKind.RuntimeFailure, error.Kind);
        Assert.Contains(Path.Combine(disk.Path, "samples.jsonl"), error.Message);
        Assert.Contains("disk is full", error.Hint);
        var text = File.ReadAllText(disk.File("samples.jsonl"));
        Assert.EndsWith("\n", text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(written, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Equal(written, SamplesReader.Read(disk.Path).Count);
    }
}
