using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public async Task Bench_writes_bench_json_and_compare_reads_it_back()
    {
        // Given a tiny model and an empty results folder
        using var temp = new TempDir();

        // When it is benchmarked with tiny sizes
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "bench", SharedAssets.Stories260K, "-p", "16", "-n", "8", "-r", "2", "-t", "1", "--out", "results",
            "--eval-parallel", "2,4", "--eval-cases", "4", "--eval-max-tokens", "4");

        // Then one bench-<timestamp>/bench.json holds four rows and three evaluation rows, and --compare prints them
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "results"), "bench-*"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "bench.json")));
        Assert.Equal(4, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.True(json.RootElement.TryGetProperty("gpu", out _), "gpu is always present (null without nvidia-smi)");
        var evaluation = json.RootElement.GetProperty("evaluation");
        Assert.Equal(["sequential", "parallel2", "parallel4"], evaluation.EnumerateArray().Select(e => e.GetProperty("variant").GetString()));
        // Redirected output is not cut to 80 columns, so headers stay whole in CI logs
        Assert.Contains("same answers", result.Stdout);
        Assert.Contains("vs sequential", result.Stdout);
        Assert.Contains("backend", result.Stdout);
        Assert.Matches(@"stories260K: (fastest here with run --parallel [24] \(|no --parallel N beat one case at a time here)", result.Stdout);

        var compare = await EvalKitProcess.RunAsync(temp.Path, "bench", "--compare", folder, folder);
        Assert.Equal(ExitCodes.Ok, compare.ExitCode);
        Assert.Contains("tg8", compare.Stdout);
        Assert.Contains("pp16", compare.Stdout);
        Assert.Contains("eval4", compare.Stdout);
    }

    [Theory]
    [InlineData("2,x")]
    [InlineData("0,8")]
    [InlineData("-1")]
    public async Task A_malformed_eval_parallel_list_is_bad_input_naming_the_option(string value)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, "--eval-parallel", value);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--eval-parallel", result.Output);
        Assert.Contains("2,4,8,16", result.Output);
    }

    [Fact]
    public async Task Compare_on_a_folder_without_bench_json_is_bad_input_with_a_hint()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", "--compare", temp.Path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("bench.json", result.Output);
    }

    [Fact]
    public async Task Native_lib_folder_without_llama_is_bad_input_naming_the_folder()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, "-p", "8", "-n", "0", "-r", "1", "--native-lib", temp.Path);

        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(temp.Path, result.Output);
        Assert.Contains("libllama", result.Output);
    }

    [Fact]
    public async Task Native_lib_folder_with_a_real_llama_build_is_used_by_both_variants()
    {
        using var temp = new TempDir();
        // LLamaSharp's own no-AVX build, shipped beside the tests: a complete llama.cpp folder that runs on any x86-64.
        var folder = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "noavx");

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", SharedAssets.Stories260K, "-p", "8", "-n", "4", "-r", "1",
            "--eval-parallel", "0", "--native-lib", folder, "--out", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains("custom", result.Output);
        Assert.Matches(@"tg4\s*│\s*evalkit\s*│\s*[0-9]", result.Output);
        Assert.Matches(@"pp8\s*│\s*evalkit\s*│\s*[0-9]", result.Output);
    }
}
