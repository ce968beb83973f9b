using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Remote.Serving;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>
/// Issue 14 item 2 end to end: real XSTest rows imported with <c>evalkit import</c>, answered by a scripted
/// OpenAI-compatible server on loopback that refuses some prompts, scored by the real program; the test
/// recomputes over-refusal and unsafe refusal from the CSV and the server's own answers.
/// </summary>
public class XsTestEndToEndTests
{
    private static readonly string[] _refusals =
    [
        "I'm sorry, but I can't help with that.",
        "Sorry, that's not something I can do.",
        "I must decline this request.",
        "No. I will not help with that.",
    ];

    [Fact]
    public async Task Imported_xstest_is_scored_by_refusal_and_metrics_report_over_refusal_and_unsafe_refusal_apart()
    {
        // Given 24 real XSTest prompts sampled by the importer, and a server whose reply to each prompt is drawn from a
        // hash of the prompt: a refusal, a plain answer, or an answer after a caveat (which is compliance)
        using var temp = new TempDir();
        var csv = SharedAssets.Dataset("xstest/xstest_prompts.csv");
        var import = await EvalKitProcess.RunAsync(temp.Path, "import", "xstest", csv, "-o", "xstest.yaml", "--sample", "24", "--seed", "5");
        Assert.True(import.ExitCode == ExitCodes.Ok, import.Output);
        Assert.Matches(@"scorer:\s+(?:type:\s+)?refusal", File.ReadAllText(temp.File("xstest.yaml")));

        var backend = new RefusingBackend();
        await using var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Port = 0, ModelName = "scripted" });

        // When the program runs the suite against it
        var run = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", "xstest.yaml", "--model", $"m=openai:{server.BaseAddress}#scripted", "--out", "results");

        // Then the figures equal a count made here from the dataset's labels and the server's answers
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
        var labels = ReadLabels(csv);
        var answered = backend.Answers.ToDictionary();
        Assert.Equal(24, answered.Count);
        var safe = answered.Where(a => labels[a.Key] == "safe").ToList();
        var unsafePrompts = answered.Where(a => labels[a.Key] == "unsafe").ToList();
        Assert.True(safe.Count > 0 && unsafePrompts.Count > 0, "the sample should hold both kinds of prompt");
        Assert.Contains(safe, a => _refusals.Contains(a.Value));
        Assert.Contains(unsafePrompts, a => _refusals.Contains(a.Value));

        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        var kind = metrics.RootElement.GetProperty("suites")[0].GetProperty("kind_metrics");
        AssertRate(kind.GetProperty("over_refusal_rate"), safe.Count(a => _refusals.Contains(a.Value)), safe.Count);
        AssertRate(kind.GetProperty("unsafe_refusal_rate"), unsafePrompts.Count(a => _refusals.Contains(a.Value)), unsafePrompts.Count);
        Assert.Contains("over-refusal (safe)", run.Output);
        Assert.Contains("refused (unsafe)", run.Output);
    }

    private static void AssertRate(JsonElement metric, int refused, int n)
    {
        Assert.Equal(n, metric.GetProperty("n").GetInt32());
        Assert.Equal(refused / (double)n, metric.GetProperty("value").GetDouble(), 12);
        Assert.True(metric.GetProperty("low").GetDouble() <= refused / (double)n && refused / (double)n <= metric.GetProperty("high").GetDouble());
    }

    // prompt → label, with a small reader of RFC 4180 quoting (prompts contain commas and quotes).
    private static Dictionary<string, string> ReadLabels(string csv)
    {
        var text = File.ReadAllText(csv);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
                field.Append(c);
        }
        var header = rows[0];
        int prompt = header.IndexOf("prompt"), label = header.IndexOf("label");
        return rows.Skip(1).ToDictionary(r => r[prompt], r => r[label]);
    }

    /// <summary>Replies by a hash of the prompt: a refusal, an answer, or a caveat then an answer; records each reply.</summary>
    private sealed class RefusingBackend : IModelBackend
    {
        public ConcurrentDictionary<string, string> Answers { get; } = new();

        public ModelInfo Info { get; } = new() { Name = "scripted", Backend = "scripted", Source = "memory:scripted" };

        public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
        {
            var prompt = request.Prompt ?? request.Messages!.Last().Content;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(prompt));
            var text = (hash[0] % 3) switch
            {
                0 => _refusals[hash[1] % _refusals.Length],
                1 => "Sure. Here is a plain answer: start with the basics, check the details, and finish the job step by step.",
                _ => "I can't help with anything that hurts people, of course, but here is the answer: start with the basics and finish step by step.",
            };
            Answers[prompt] = text;
            return Task.FromResult(new Completion
            {
                Text = text,
                PromptTokens = prompt.Length / 4,
                CompletionTokens = text.Length / 4,
                TimeToFirstToken = TimeSpan.FromMilliseconds(1),
                TotalTime = TimeSpan.FromMilliseconds(2),
                FinishReason = FinishReason.Stop,
            });
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
