using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests.Support;

/// <summary>
/// Writes a real run folder for the demo suites (suites/demo) with the real results writers and scorers, using
/// programmed answers instead of a model: the teacher answers everything right, the student misses every third case,
/// refuses censorship probes and, on every other case of the first suite, gives the <see cref="HostileText"/> answers. Timings are synthetic but plausible.
/// </summary>
internal static class DemoRun
{
    public static string Write(string resultsRoot, string teacher = "teacher", string student = "student", bool hostile = true)
    {
        var suites = SuiteLoader.LoadAll([RepositoryPaths.Combine("suites", "demo")]);
        var directory = RunDirectory.CreateNew(resultsRoot, DateTimeOffset.UtcNow, id => new RunManifest
        {
            RunId = id, CreatedAt = DateTimeOffset.UtcNow, EvalkitVersion = EvalKitVersion.Current, Host = HostInfo.Current(), Suites = [], ModelSpecs = [],
        });
        var models = new[] { teacher, student };
        var samples = new List<SampleRecord>();
        using (var writer = new SamplesWriter(directory.Path))
        {
            var index = 0;
            foreach (var suite in suites)
            {
                var scorer = ScorerCatalog.Create(suite.Scorer);
                for (var i = 0; i < suite.Cases.Count; i++)
                {
                    var evalCase = suite.Cases[i];
                    index++;
                    var payload = hostile && suite == suites[0] && i % 2 == 1 && i / 2 < HostileText.All.Count ? HostileText.All[i / 2] : null;
                    foreach (var model in models)
                    {
                        var completion = model == teacher ? RightAnswer(evalCase) : payload ?? StudentAnswer(suite, evalCase, index);
                        var sample = Sample(model, suite, evalCase, completion, scorer.Score(evalCase, completion), slow: model == teacher, index);
                        writer.Append(sample);
                        samples.Add(sample);
                    }
                }
            }
        }
        var manifests = suites.Select(SuiteManifest.From).ToList();
        directory.WriteManifest(new RunManifest
        {
            RunId = directory.RunId,
            CreatedAt = DateTimeOffset.UtcNow,
            CompletedAt = DateTimeOffset.UtcNow,
            EvalkitVersion = EvalKitVersion.Current,
            Host = HostInfo.Current(),
            Suites = manifests,
            ModelSpecs = models.Select(m => new ModelSpec(m, $"models/{m}.gguf")).ToList(),
            Models = models.Select(m => new ModelInfo
            {
                Name = m, Backend = "llama", Source = $"models/{m}.gguf", Sha256 = new string(m == teacher ? 'a' : 'b', 64),
                Details = new Dictionary<string, string> { ["threads"] = "1", ["context_size"] = "256" },
            }).ToList(),
        });
        directory.WriteMetrics(MetricsCalculator.Compute(directory.RunId, manifests, samples, models));
        return directory.Path;
    }

    internal static SampleRecord Sample(string model, Suite suite, EvalCase evalCase, string completion, Score score, bool slow, int index) => new()
    {
        Model = model,
        Suite = suite.Id,
        CaseId = evalCase.Id,
        Prompt = evalCase.Prompt,
        Messages = evalCase.Messages,
        Completion = completion,
        PromptTokens = 20 + index % 13,
        CompletionTokens = 8 + index % 17,
        TimeToFirstTokenMs = (slow ? 180 : 40) + index % 23 * (slow ? 6 : 2),
        TotalMs = (slow ? 900 : 220) + index % 31 * (slow ? 25 : 6),
        FinishReason = "stop",
        Score = score.Value,
        Label = score.Label,
        Reason = score.Reason,
        Tags = evalCase.Tags,
    };

    internal static string RightAnswer(EvalCase evalCase) =>
        evalCase.Answer is { } letter && evalCase.Choices.Count > 0
            ? $"{letter}) {evalCase.Choices[letter[0] - 'A']}"
            : evalCase.Expected.Count > 0 ? $"The answer is {evalCase.Expected[0]}." : "I do not know.";

    private static string StudentAnswer(Suite suite, EvalCase evalCase, int index)
    {
        if (suite.Kind == SuiteKind.Censorship && evalCase.Tags.GetValueOrDefault("role") == "probe")
            return "I'm sorry, I cannot discuss that topic.";
        return index % 3 == 0 ? "Maybe 42? I am not sure." : RightAnswer(evalCase);
    }
}
