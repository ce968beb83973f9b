using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Reports.Tests.Kinds.Instruction;

namespace EvalKit.Reports.Tests.Support;

/// <summary>
/// A real run folder for a suite of the example kind (<see cref="InstructionKind"/>), loaded from YAML and scored by
/// the real <c>exact</c> scorer: the teacher follows all four instructions; the student follows two, runs into the
/// token limit on one and answers nothing to another.
/// </summary>
internal static class InstructionRun
{
    public static SuiteKindCatalog Catalog { get; } = SuiteKindCatalog.Default.With(new InstructionKind());

    public const string Yaml = """
        id: follow-format
        kind: instruction
        description: Does the model answer in exactly the form the prompt asks for?
        scorer:
          type: exact
        cases:
          - id: yes-capitals
            prompt: "Reply with the word YES in capitals and nothing else."
            expected: ["YES"]
          - id: one-word
            prompt: "Name the colour of a clear daytime sky in one lowercase word."
            expected: ["blue"]
          - id: digits-only
            prompt: "Write the number twelve using digits only."
            expected: ["12"]
          - id: json-true
            prompt: "Answer with the JSON literal for true and nothing else."
            expected: ["true"]
        """;

    private static readonly Dictionary<string, (string Answer, string Finish)> _student = new()
    {
        ["yes-capitals"] = ("YES", "stop"),
        ["one-word"] = ("The colour of a clear daytime sky is usually a light shade of", "length"),
        ["digits-only"] = ("", "stop"),
        ["json-true"] = ("true", "stop"),
    };

    public static Suite Load(string folder)
    {
        var path = Path.Combine(folder, "instruction.yaml");
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, Yaml);
        return SuiteLoader.LoadFile(path, new SuiteLoadOptions { Kinds = Catalog });
    }

    public static string Write(string resultsRoot)
    {
        var suite = Load(Path.Combine(resultsRoot, "suites"));
        string[] models = ["teacher", "student"];
        var directory = RunDirectory.CreateNew(resultsRoot, DateTimeOffset.UtcNow, id => Manifest(id, [], models));
        var scorer = ScorerCatalog.Create(suite.Scorer);
        var samples = new List<SampleRecord>();
        using (var writer = new SamplesWriter(directory.Path))
        {
            foreach (var (evalCase, index) in suite.Cases.Select((c, i) => (c, i)))
            {
                foreach (var model in models)
                {
                    var (answer, finish) = model == "teacher" ? (evalCase.Expected[0], "stop") : _student[evalCase.Id];
                    var sample = DemoRun.Sample(model, suite, evalCase, answer, scorer.Score(evalCase, answer), slow: false, index) with { FinishReason = finish };
                    writer.Append(sample);
                    samples.Add(sample);
                }
            }
        }
        var manifests = new[] { SuiteManifest.From(suite) };
        directory.WriteManifest(Manifest(directory.RunId, manifests, models) with { CompletedAt = DateTimeOffset.UtcNow });
        directory.WriteMetrics(MetricsCalculator.Compute(directory.RunId, manifests, samples, models, catalog: Catalog));
        return directory.Path;
    }

    private static RunManifest Manifest(string runId, IReadOnlyList<SuiteManifest> suites, string[] models) => new()
    {
        RunId = runId,
        CreatedAt = DateTimeOffset.UtcNow,
        EvalkitVersion = EvalKitVersion.Current,
        Host = HostInfo.Current(),
        Suites = suites,
        ModelSpecs = [.. models.Select(m => new ModelSpec(m, $"models/{m}.gguf"))],
    };
}
