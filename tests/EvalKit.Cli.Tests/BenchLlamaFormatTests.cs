using System.Text.Json;
using EvalKit.Bench;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class BenchLlamaFormatTests
{
    [Fact]
    public async Task Csv_output_is_llama_benchs_header_and_one_quoted_row_per_setting_alone_on_stdout()
    {
        // Given a tiny model
        using var temp = new TempDir();

        // When benchmarked at two batch sizes with csv output
        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, "-p", "8", "-n", "4", "-r", "1", "-t", "1",
            "-b", "4,2048", "--eval-parallel", "0", "-o", "csv", "--out", "results");

        // Then stdout is exactly llama-bench's csv: its header, then pp8 and tg4 × evalkit and bare × two batch sizes
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(',', LlamaBenchOutput.Fields), lines[0]);
        Assert.StartsWith("build_commit,build_number,cpu_info,gpu_info,backends,model_filename,model_type,model_size,model_n_params,n_batch,n_ubatch,n_threads,", lines[0]);
        var rows = lines[1..].Select(l => l.Split("\",\"")).ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Equal(LlamaBenchOutput.Fields.Count, r.Length));
        string Field(string[] row, string name) => row[LlamaBenchOutput.Fields.ToList().IndexOf(name)].Trim('"');
        Assert.Equal(["2048", "4"], rows.Select(r => Field(r, "n_batch")).Distinct().Order());
        Assert.Equal(["815a2a59+bare", "815a2a59+evalkit"], rows.Select(r => Field(r, "build_commit")).Distinct().Order());
        Assert.All(rows, r => Assert.True(double.Parse(Field(r, "avg_ts"), System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.Equal(["0,4", "8,0"], rows.Select(r => Field(r, "n_prompt") + "," + Field(r, "n_gen")).Distinct().Order());
        // and the same rows are written beside bench.json
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "results"), "bench-*"));
        Assert.Equal(result.Stdout, File.ReadAllText(Path.Combine(folder, "llama-bench.csv")));
    }

    [Fact]
    public async Task Json_output_has_llama_benchs_fields_and_samples_with_pg_and_depth_tests()
    {
        using var temp = new TempDir();

        // When a pp and a pp+tg test run at depth 0 and 16, two repetitions each
        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, "-p", "8", "-n", "0", "--pg", "8,4", "-d", "0,16",
            "-r", "2", "-t", "1", "--eval-parallel", "0", "-o", "json", "--out", "results");

        // Then stdout is a JSON array of llama-bench objects: both variants at depth 0, the bare loop alone at depth 16
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        using var json = JsonDocument.Parse(result.Stdout);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal([.. LlamaBenchOutput.Fields, "samples_ns", "samples_ts"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(2, row.GetProperty("samples_ns").GetArrayLength());
            Assert.Equal(2, row.GetProperty("samples_ts").GetArrayLength());
            Assert.Equal(JsonValueKind.Number, row.GetProperty("avg_ns").ValueKind);
            Assert.Equal(JsonValueKind.False, row.GetProperty("cpu_strict").ValueKind);
            Assert.Equal(1, row.GetProperty("n_threads").GetInt32());
            Assert.True(row.GetProperty("model_n_params").GetInt64() > 0);
        });
        Assert.Equal(
            ["0 8 0 bare", "0 8 0 evalkit", "0 8 4 bare", "0 8 4 evalkit", "16 8 0 bare", "16 8 4 bare"],
            rows.Select(r => $"{r.GetProperty("n_depth").GetInt32()} {r.GetProperty("n_prompt").GetInt32()} {r.GetProperty("n_gen").GetInt32()} {r.GetProperty("build_commit").GetString()!.Split('+')[1]}").Order());

        // and bench.json names the tests as llama-bench does
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "results"), "bench-*"));
        using var bench = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "bench.json")));
        Assert.Contains("pp8+tg4 @ d16", bench.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("test").GetString()));
    }

    [Fact]
    public async Task Markdown_output_is_llama_benchs_table_with_its_build_line()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, "-p", "8", "-n", "4", "-r", "1", "-t", "1",
            "--eval-parallel", "0", "-o", "md", "--out", "results");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var table = result.Stdout.Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.Equal(2 + 4, table.Count);
        Assert.Equal(["model", "size", "params", "backend", "threads", "variant", "test", "t/s"], table[0].Split('|', StringSplitOptions.TrimEntries)[1..^1]);
        Assert.Matches(@"^\| -{29}- \| -{9}: \| -{9}: \| -{9}- \| -{6}: \|", table[1]);
        Assert.Contains(table, l => l.Contains(" tg4 |", StringComparison.Ordinal) && l.Contains(" bare ", StringComparison.Ordinal));
        Assert.Contains("build: 815a2a59 (10221)", result.Stdout);
    }

    [Theory]
    [InlineData("-o", "xml")]
    [InlineData("--pg", "8")]
    [InlineData("--pg", "8,x")]
    [InlineData("-b", "0")]
    [InlineData("--ub", "2,")]
    [InlineData("-d", "-1")]
    [InlineData("--ngl", "a")]
    [InlineData("-t", "1,0")]
    public async Task Malformed_llama_bench_options_are_bad_input_naming_the_option(string option, string value)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, option, value);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(option, result.Output);
    }
}
