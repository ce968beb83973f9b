using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Reports.Tests.Support;

/// <summary>
/// A run of <paramref name="cases"/> cases × two models in one synthetic suite, for the large-report check. Lines are
/// serialised with the results' own JSON options (SamplesWriter's per-line fsync would make 50,000 lines slow to set up).
/// </summary>
internal static class LargeRun
{
    public static string Write(string resultsRoot, int cases)
    {
        var directory = RunDirectory.CreateNew(resultsRoot, DateTimeOffset.UtcNow, id => new RunManifest
        {
            RunId = id, CreatedAt = DateTimeOffset.UtcNow, EvalkitVersion = EvalKitVersion.Current, Host = HostInfo.Current(), Suites = [], ModelSpecs = [],
        });
        string[] models = ["teacher", "student"];
        var random = new Random(7);
        var samples = new List<SampleRecord>(cases * 2);
        for (var i = 0; i < cases; i++)
        {
            foreach (var model in models)
            {
                var right = random.NextDouble() < (model == "teacher" ? 0.8 : 0.7);
                samples.Add(new SampleRecord
                {
                    Model = model, Suite = "large", CaseId = $"case-{i:D5}",
                    Prompt = $"Q: What is {i} plus {i % 97}? A:",
                    Completion = right ? $"The answer is {i + i % 97}." : $"I think it is {i + i % 97 + 1}, but I am not sure at all.",
                    CompletionTokens = 12 + i % 9, PromptTokens = 14, TimeToFirstTokenMs = 30 + i % 11, TotalMs = 200 + i % 50,
                    Score = right ? 1 : 0, Label = right ? ScoreLabel.Correct : ScoreLabel.Incorrect,
                    Reason = right ? "number matches" : "number differs",
                    Tags = new Dictionary<string, string> { ["topic"] = $"t{i % 20}", ["language"] = i % 2 == 0 ? "en" : "zh" },
                });
            }
        }
        File.WriteAllLines(directory.SamplesPath, samples.Select(s => JsonSerializer.Serialize(s, JsonDefaults.Compact)));
        var suite = new SuiteManifest
        {
            Id = "large", Kind = SuiteKind.Accuracy, Path = "suites/large.yaml", Digest = new string('c', 64), Cases = cases,
            Scorer = new ScorerSpec("numeric", new Dictionary<string, string>()), Defaults = new GenerationDefaults(),
        };
        directory.WriteManifest(new RunManifest
        {
            RunId = directory.RunId, CreatedAt = DateTimeOffset.UtcNow, EvalkitVersion = EvalKitVersion.Current, Host = HostInfo.Current(),
            Suites = [suite], ModelSpecs = models.Select(m => new ModelSpec(m, $"{m}.gguf")).ToList(),
        });
        directory.WriteMetrics(MetricsCalculator.Compute(directory.RunId, [suite], samples, models));
        return directory.Path;
    }
}
