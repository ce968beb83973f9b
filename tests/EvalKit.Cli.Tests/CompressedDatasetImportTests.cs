using EvalKit.Core;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>A gzip dataset cut short or damaged is an error naming the file, and no suite is written.</summary>
public class CompressedDatasetImportTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(30_000)] // mid-stream: the case an outside tester hit (part of the rows, exit 0)
    [InlineData(33_930)] // only the trailer cut
    [InlineData(5_000)]
    [InlineData(12)] // inside the header
    public async Task A_truncated_jsonl_gz_is_an_error_naming_the_file_and_nothing_is_written(int keptBytes)
    {
        // Given: HumanEval's real .jsonl.gz cut after keptBytes
        using var temp = new TempDir();
        var original = File.ReadAllBytes(SharedAssets.Dataset("humaneval/HumanEval.jsonl.gz"));
        Assert.True(original.Length > keptBytes + 4);
        File.WriteAllBytes(temp.File("HumanEval.jsonl.gz"), original[..keptBytes]);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path, "import", "humaneval", "HumanEval.jsonl.gz", "-o", "he.yaml");
        output.WriteLine(result.Output);

        // Then
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("HumanEval.jsonl.gz is not a readable gzip file", result.Output);
        Assert.DoesNotContain("wrote", result.Output);
        Assert.Equal(["HumanEval.jsonl.gz"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_jsonl_gz_with_a_flipped_byte_is_an_error_and_the_intact_file_imports_whole()
    {
        using var temp = new TempDir();
        var original = File.ReadAllBytes(SharedAssets.Dataset("humaneval/HumanEval.jsonl.gz"));
        var damaged = (byte[])original.Clone();
        damaged[^6] ^= 0x01; // the stored length: the deflate data is intact, the file is not
        File.WriteAllBytes(temp.File("damaged.jsonl.gz"), damaged);
        File.WriteAllBytes(temp.File("intact.jsonl.gz"), original);

        var bad = await EvalKitProcess.RunAsync(temp.Path, "import", "humaneval", "damaged.jsonl.gz", "-o", "bad.yaml");
        var good = await EvalKitProcess.RunAsync(temp.Path, "import", "humaneval", "intact.jsonl.gz", "-o", "good.yaml");
        output.WriteLine(bad.Output + good.Output);

        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.Contains("damaged.jsonl.gz is not a readable gzip file", bad.Output);
        Assert.False(File.Exists(temp.File("bad.yaml")));
        Assert.True(good.ExitCode == ExitCodes.Ok, good.Output);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(original), System.IO.Compression.CompressionMode.Decompress);
        var rows = new StreamReader(gzip).ReadToEnd().Split('\n').Count(line => line.Trim().Length > 0);
        Assert.Contains($"{rows} case(s).", good.Output);
    }
}
