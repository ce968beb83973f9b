using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests.Golden;

/// <summary>
/// The built-in demo (fixture models compiled and run through the real program and llama.cpp, greedy) gives exactly
/// the answers and metrics.json figures recorded in Golden/ from a run made before the request-path redesign
/// (issue #16). Timings, the run id and prompts (which come from the suites) are left out; everything else is compared.
/// </summary>
public class DemoGoldenTests
{
    private static readonly string _golden = RepositoryPaths.Combine("tests", "EvalKit.Cli.Tests", "Golden");

    [Fact]
    public async Task Demo_answers_and_metrics_equal_the_recorded_run()
    {
        // Given the demo fixture models
        using var temp = new TempDir();
        var root = RepositoryPaths.Root;
        foreach (var name in new[] { "teacher", "student" })
        {
            var build = await EvalKitProcess.RunAsync(root, "fixtures", "build",
                Path.Combine(root, "fixtures", $"{name}.fixture.yaml"), "-o", temp.File($"{name}.gguf"));
            Assert.True(build.ExitCode == ExitCodes.Ok, build.Output);
        }

        // When the demo runs as run-eval.sh runs it
        var run = await EvalKitProcess.RunAsync(root, "run", "--suite", Path.Combine(root, "suites", "demo"),
            "--model", "teacher=" + temp.File("teacher.gguf"), "--model", "student=" + temp.File("student.gguf"),
            "--threads", "1", "--out", temp.File("results"), "--no-cache");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);

        // Then
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var samples = File.ReadLines(Path.Combine(runDir, "samples.jsonl"))
            .Select(line => Strip(JsonNode.Parse(line)!, "prompt", "rendered_prompt", "key")!.ToJsonString());
        AssertGolden("demo-samples.jsonl", samples);
        // Sorted, so that the order of fields in metrics.json is not compared, only its figures.
        var metrics = Flatten(Strip(JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")))!, "run_id")!, "")
            .Order(StringComparer.Ordinal);
        AssertGolden("demo-metrics.txt", metrics);
    }

    /// <summary>Drops timings (<c>*_ms</c>, <c>*_per_second</c>) and the named fields, at every depth.</summary>
    private static JsonNode? Strip(JsonNode? node, params string[] drop)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, _) in obj.ToList())
                    if (drop.Contains(key) || key.EndsWith("_ms", StringComparison.Ordinal) || key.Contains("per_second", StringComparison.Ordinal))
                        obj.Remove(key);
                foreach (var (_, value) in obj)
                    Strip(value, drop);
                break;
            case JsonArray array:
                foreach (var item in array)
                    Strip(item, drop);
                break;
        }
        return node;
    }

    /// <summary>One <c>path = value</c> line per figure; array items are named by their model/suite/tag fields.</summary>
    private static IEnumerable<string> Flatten(JsonNode node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Flatten(p.Value!, path.Length == 0 ? p.Key : path + "." + p.Key)),
        JsonArray array => array.SelectMany((item, i) => Flatten(item!, $"{path}[{ItemName(item!, i)}]")),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
            [$"{path} = {value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)}"],
        _ => [$"{path} = {node.ToJsonString()}"],
    };

    private static string ItemName(JsonNode item, int index)
    {
        if (item is not JsonObject obj)
            return index.ToString(CultureInfo.InvariantCulture);
        var names = new[] { "model", "suite", "baseline", "candidate", "tag", "group" }
            .Where(obj.ContainsKey).Select(k => obj[k]!.ToString()).ToList();
        return names.Count > 0 ? string.Join('|', names) : index.ToString(CultureInfo.InvariantCulture);
    }

    private static void AssertGolden(string name, IEnumerable<string> actual)
    {
        var lines = actual.ToList();
        var expected = File.ReadAllLines(Path.Combine(_golden, name));
        if (expected.SequenceEqual(lines))
            return;
        var copy = Path.Combine(Path.GetTempPath(), "evalkit-golden-" + name + ".actual");
        File.WriteAllLines(copy, lines, new UTF8Encoding(false));
        var first = Enumerable.Range(0, Math.Max(expected.Length, lines.Count))
            .First(i => i >= expected.Length || i >= lines.Count || expected[i] != lines[i]);
        Assert.Fail($"{name} differs from the recorded run at line {first + 1} (actual written to {copy}):\n" +
            $"expected: {(first < expected.Length ? expected[first] : "(end)")}\n" +
            $"actual:   {(first < lines.Count ? lines[first] : "(end)")}");
    }
}
