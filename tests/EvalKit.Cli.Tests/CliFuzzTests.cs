using System.Security.Cryptography;
using EvalKit.Core;
using EvalKit.TestSupport;
using Spectre.Console;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>
/// Seeded, bounded fuzzing of the real command tree (in this process): mutated suite YAML, GGUF headers,
/// samples.jsonl and dataset files through validate, info, report and import. Every outcome must be an exit code
/// of the documented table with no stack trace, and no input file may change. EVALKIT_CLI_FUZZ_SEED and
/// EVALKIT_CLI_FUZZ_COUNT allow longer local runs.
/// </summary>
public class CliFuzzTests(ITestOutputHelper output)
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("EVALKIT_CLI_FUZZ_SEED"), out var s) ? s : 1515;
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("EVALKIT_CLI_FUZZ_COUNT"), out var n) ? n : 6;

    [Fact]
    public async Task Mutated_inputs_give_a_documented_exit_code_no_trace_and_leave_every_input_unchanged()
    {
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", "id: s\nkind: custom\ndefaults: {max_tokens: 4}\nscorer: contains\ncases:\n  - {id: a, prompt: Once upon a time, expected: [the]}\n  - {id: b, prompt: The little dog, expected: [the]}\n");
        var (code, text) = await RunAsync("run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "--no-cache", "--in-process", "-o", temp.File("results"));
        Assert.True(code == ExitCodes.Ok, text);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var samples = File.ReadAllBytes(Path.Combine(runDir, "samples.jsonl"));
        var yaml = File.ReadAllBytes(suite);
        var gguf = File.ReadAllBytes(SharedAssets.Stories260K)[..65_536];
        var dataset = File.ReadAllBytes(SharedAssets.Dataset("gsm8k/test.jsonl"))[..8192];
        var gzip = File.ReadAllBytes(SharedAssets.Dataset("humaneval/HumanEval.jsonl.gz"));
        var random = new Random(Seed);

        for (var i = 0; i < Count; i++)
        {
            File.WriteAllBytes(suite, Mutate(yaml, random));
            File.WriteAllBytes(temp.File("m.gguf"), Mutate(gguf, random));
            File.WriteAllBytes(Path.Combine(runDir, "samples.jsonl"), Mutate(samples, random));
            File.WriteAllBytes(temp.File("d.jsonl"), Mutate(dataset, random));
            File.WriteAllBytes(temp.File("d.jsonl.gz"), Mutate(gzip, random));
            string[][] commands =
            [
                ["validate", suite],
                ["info", temp.File("m.gguf")],
                ["report", runDir, "-o", temp.File($"report-{i}")],
                ["import", "gsm8k", temp.File("d.jsonl"), "-o", temp.File($"i-{i}.yaml")],
                ["import", "humaneval", temp.File("d.jsonl.gz"), "-o", temp.File($"h-{i}.yaml")],
            ];
            var inputs = new[] { suite, temp.File("m.gguf"), Path.Combine(runDir, "samples.jsonl"), Path.Combine(runDir, "run.json"), temp.File("d.jsonl"), temp.File("d.jsonl.gz") };
            var before = inputs.ToDictionary(p => p, Hash);
            foreach (var command in commands)
            {
                (code, text) = await RunAsync(command);
                output.WriteLine($"{i}: {command[0]} → {code}");
                Assert.True(code is >= 0 and <= 3, $"seed {Seed} iteration {i}: {string.Join(' ', command)} exited {code}\n{text}");
                Assert.DoesNotContain("internal error", text);
                Assert.DoesNotContain("   at ", text);
            }
            Assert.All(inputs, p => Assert.Equal(before[p], Hash(p)));
        }
    }

    private static async Task<(int Code, string Text)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var code = await EvalKitApp.Create(args, console).RunAsync(args);
        return (code, writer.ToString());
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                    break;
            }
        }
        return [.. bytes];
    }
}
