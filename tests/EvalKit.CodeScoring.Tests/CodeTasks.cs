using System.IO.Compression;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.CodeScoring.Tests;

/// <summary>Real HumanEval and MBPP problems from ../shared/datasets, as cases the code scorer grades.</summary>
internal static class CodeTasks
{
    public sealed record Task(EvalCase Case, string Solution);

    /// <summary>The first <paramref name="count"/> HumanEval problems: a raw prompt to continue, check() and entry_point.</summary>
    public static IReadOnlyList<Task> HumanEval(int count)
    {
        using var gzip = new GZipStream(File.OpenRead(SharedAssets.Dataset("humaneval/HumanEval.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var tasks = new List<Task>();
        while (tasks.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var evalCase = new EvalCase
            {
                Id = root.GetProperty("task_id").GetString()!,
                Prompt = root.GetProperty("prompt").GetString(),
                Metadata = new Dictionary<string, string>
                {
                    ["test"] = root.GetProperty("test").GetString()!,
                    ["entry_point"] = root.GetProperty("entry_point").GetString()!,
                },
            };
            tasks.Add(new Task(evalCase, root.GetProperty("canonical_solution").GetString()!));
        }
        return tasks;
    }

    /// <summary>The first <paramref name="count"/> MBPP problems: a text prompt, assert lines as the test, setup code.</summary>
    public static IReadOnlyList<Task> Mbpp(int count) =>
        File.ReadLines(SharedAssets.Dataset("mbpp/mbpp.jsonl")).Take(count).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var evalCase = new EvalCase
            {
                Id = "mbpp/" + root.GetProperty("task_id").GetInt32(),
                Messages = [new ChatMessage("user", root.GetProperty("text").GetString()!)],
                Metadata = new Dictionary<string, string>
                {
                    ["test"] = string.Join("\n", root.GetProperty("test_list").EnumerateArray().Select(t => t.GetString())),
                    ["setup"] = root.GetProperty("test_setup_code").GetString()!,
                },
            };
            return new Task(evalCase, root.GetProperty("code").GetString()!);
        }).ToList();
}
