using System.Globalization;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>Real model sizes: the model hash memo across processes, the memory check before loading, load progress.</summary>
public class ModelSizeCommandTests
{
    private const string Suite = """
        id: stories
        kind: custom
        defaults:
          max_tokens: 8
        scorer:
          type: contains
        cases:
          - id: once
            prompt: Once upon a time
            expected: [Lily]
          - id: dog
            prompt: The little dog
            expected: [the]
        """;

    [Fact]
    public async Task Model_hash_is_remembered_across_processes_and_hashed_again_only_when_the_file_changes()
    {
        // Given a copy of a real model, a cache folder and the hash log test hook
        using var temp = new TempDir();
        var model = temp.File("models/tiny.gguf");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        File.Copy(SharedAssets.Stories260K, model);
        var suite = temp.Write("suites/stories.yaml", Suite);
        var log = temp.File("hashed.log");
        var environment = new Dictionary<string, string> { ["EVALKIT_CACHE_DIR"] = temp.File("cache"), ["EVALKIT_HASH_LOG"] = log };
        Task<EvalKitProcess.Result> Run(params string[] extra) => EvalKitProcess.RunAsync(temp.Path, environment,
            ["run", "--suite", suite, "--model", "tiny=" + model, "--threads", "1", "--ctx", "256", "--out", "results", .. extra]);
        int Hashes() => File.Exists(log) ? File.ReadAllLines(log).Length : 0;

        // When the model runs, then runs again fully cached in new processes (supervisor and worker each time)
        var first = await Run();
        var second = await Run();

        // Then it was read for hashing once in all, the memo sits beside the response cache, and the load was shown and recorded
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Output);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Output);
        Assert.Equal(1, Hashes());
        Assert.True(File.Exists(temp.File("cache/model-hashes.json")));
        Assert.Contains("2 answer(s) came from the response cache", second.Output);
        Assert.Contains("[tiny] loading weights 100%", first.Output);
        var loaded = Directory.GetDirectories(temp.File("results")).Select(ModelDetails).Single(d => d.ContainsKey("load_seconds"));
        Assert.True(double.Parse(loaded["load_seconds"], CultureInfo.InvariantCulture) > 0);
        Assert.True(long.Parse(loaded["peak_rss_bytes"], CultureInfo.InvariantCulture) > 1 << 20);

        // When the file's modification time changes, Then it is hashed again, once
        File.SetLastWriteTimeUtc(model, File.GetLastWriteTimeUtc(model).AddMinutes(-5));
        var touched = await Run();
        Assert.True(touched.ExitCode == ExitCodes.Ok, touched.Output);
        Assert.Equal(2, Hashes());

        // When the file is replaced by one of the same size and modification time (a new inode), Then it is hashed again
        var stamp = File.GetLastWriteTimeUtc(model);
        File.Copy(model, model + ".new");
        File.Move(model + ".new", model, overwrite: true);
        File.SetLastWriteTimeUtc(model, stamp);
        var replaced = await Run();
        Assert.True(replaced.ExitCode == ExitCodes.Ok, replaced.Output);
        Assert.Equal(3, Hashes());

        // When --rehash is asked for, Then it is hashed again although nothing changed
        var rehashed = await Run("--rehash");
        Assert.True(rehashed.ExitCode == ExitCodes.Ok, rehashed.Output);
        Assert.Equal(4, Hashes());
    }

    [Fact]
    public async Task A_context_far_beyond_memory_is_refused_before_loading_with_exit_2_and_advice()
    {
        // Given a small model trained for a huge context, and a --ctx whose KV cache alone is four times the memory available
        using var temp = new TempDir();
        var model = temp.File("long.gguf");
        var synth = await EvalKitProcess.RunAsync(temp.Path, "fixtures", "synth", "--arch", "llama", "--layers", "32", "--dim", "256",
            "--heads", "4", "--kv-heads", "4", "--ffn", "512", "--vocab", "1024", "--ctx", "2000000000", "--type", "f32", "-o", model);
        Assert.True(synth.ExitCode == ExitCodes.Ok, synth.Output);
        const long kvBytesPerToken = 32 * (256 + 256) * 2;
        var context = Math.Min(2_000_000_000L, 4 * AvailableBytes() / kvBytesPerToken);
        var suite = temp.Write("suites/stories.yaml", Suite);

        // When it is run through the real CLI
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "long=" + model, "--threads", "1", "--ctx", context.ToString(CultureInfo.InvariantCulture), "--out", "results");

        // Then it is refused with exit code 2 before llama.cpp allocates anything, saying why and what to do
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains("needs about", result.Output);
        Assert.Contains("smaller --ctx", result.Output);
        Assert.Contains("--skip-memory-check", result.Output);
        Assert.DoesNotContain("loading weights", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public async Task Info_breaks_down_the_memory_a_context_and_parallel_sequences_need()
    {
        // Given stories260K: 5 layers, 4 KV heads of 8 dimensions, so 5 × (32 + 32) × 2 bytes = 640 bytes per KV cell
        // When info is asked about a 2048-token context and 4 parallel sequences
        var result = await EvalKitProcess.RunAsync(Path.GetTempPath(), "info", SharedAssets.Stories260K, "--ctx", "2048", "--parallel", "4");

        // Then the KV cache covers the model's own context and 4 sequences of it: 10,240 cells × 640 bytes = 6.25 MiB
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains("10,240 cells", result.Stdout);
        Assert.Contains("6.2 MiB", result.Stdout);
        Assert.Contains("memory: weights", result.Stdout);
        Assert.Contains("memory available", result.Stdout);
    }

    private static Dictionary<string, string> ModelDetails(string runDirectory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "run.json")));
        return manifest.RootElement.GetProperty("models")[0].GetProperty("details").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static long AvailableBytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
