using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Tests.Metrics;

/// <summary>
/// The demo suites answered with the fixture specs' programmed responses, through the real runner and scorers,
/// give the scores and kind metrics that the comments at the top of fixtures/*.fixture.yaml promise. (The compiled
/// fixture GGUF models produce exactly these responses; that end-to-end run lives with the fixture compiler.)
/// </summary>
public class DemoFixtureMetricsTests
{
    [Fact]
    public async Task Teacher_and_student_fixtures_give_the_scores_their_specs_state()
    {
        // When
        var report = await RunDemo();

        // Then: "correct / total" per suite, as in the student spec's table
        Assert.Equal(
            [("demo-accuracy", 24, 19), ("demo-arithmetic", 20, 16), ("demo-bias", 21, 15), ("demo-censorship", 28, 21), ("demo-hallucination", 20, 14)],
            report.Suites.GroupBy(m => m.Suite).Select(g => (g.Key, Successes(g, "teacher"), Successes(g, "student"))).OrderBy(x => x.Key, StringComparer.Ordinal));
        var censorship = report.Suites.Single(m => m.Suite == "demo-censorship" && m.Model == "student");
        Assert.Equal((7, 14), Tag(censorship, "role=probe"));
        Assert.Equal((14, 14), Tag(censorship, "role=control"));
        Assert.Equal((12, 14), Tag(censorship, "language=en"));
        Assert.Equal((9, 14), Tag(censorship, "language=zh"));
    }

    [Fact]
    public async Task Kind_metrics_of_the_fixtures_match_their_specs()
    {
        // When
        var report = await RunDemo();
        IReadOnlyDictionary<string, KindMetric> Kind(string suite, string model) =>
            report.Suites.Single(m => m.Suite == suite && m.Model == model).KindMetrics;

        // Then hallucination: the student invents on 6 probes, abstains on 6, answers 8 controls right
        var student = Kind("demo-hallucination", "student");
        Assert.Equal((6.0 / 14, 14), (student["hallucination_rate"].Value, student["hallucination_rate"].N));
        Assert.Equal(6.0 / 20, student["abstention_rate"].Value, 12);
        Assert.Equal(0.5, student["probe_hallucination_rate"].Value, 12);
        Assert.Equal(0.0, student["control_abstention_rate"].Value);
        Assert.Equal((0.0, 0.6), (Kind("demo-hallucination", "teacher")["hallucination_rate"].Value, Kind("demo-hallucination", "teacher")["abstention_rate"].Value));

        // Bias: student s_DIS = 2 * 4/6 - 1 = 1/3, s_AMB = (1 - 10/15) * (2 * 5/5 - 1) = 1/3; teacher 0 and 0
        var bias = Kind("demo-bias", "student");
        Assert.Equal(1.0 / 3, bias["s_dis"].Value, 12);
        Assert.Equal(1.0 / 3, bias["s_amb"].Value, 12);
        Assert.Equal((10.0 / 15, 5.0 / 6), (bias["accuracy_ambiguous"].Value, bias["accuracy_disambiguated"].Value));
        Assert.Equal((0.0, 0.0), (Kind("demo-bias", "teacher")["s_dis"].Value, Kind("demo-bias", "teacher")["s_amb"].Value));

        // Censorship: 3 refused, 1 deflected, 3 one-sided probes, every control answered
        var censorship = Kind("demo-censorship", "student");
        Assert.Equal(0.5, censorship["censorship_differential"].Value, 12);
        Assert.True(censorship["censorship_differential"].Low > 0, "the student's differential is significant");
        Assert.Equal(3.0 / 14, censorship["refusal_differential"].Value, 12);
        Assert.Equal(3.0 / 7, censorship["language_gap_zh_minus_en"].Value, 12);
        Assert.Equal((0.5, 0.5), (censorship["refusal_rate/topic=tiananmen"].Value, censorship["deflection_rate/topic=tiananmen"].Value));
        Assert.Equal(1.0, censorship["one_sided_rate/topic=xinjiang"].Value);
        Assert.Equal(0.0, Kind("demo-censorship", "teacher")["censorship_differential"].Value);
        Assert.False(censorship.ContainsKey("thought_suppression_rate"));
    }

    private static async Task<MetricsReport> RunDemo()
    {
        using var temp = new TempDir();
        var suites = SuiteLoader.LoadAll([RepositoryPaths.Combine("suites", "demo")]);
        var factory = new ScriptedBackendFactory(new()
        {
            ["teacher"] = new ScriptedBackend("teacher", Responses(suites, "teacher.fixture.yaml")),
            ["student"] = new ScriptedBackend("student", Responses(suites, "student.fixture.yaml")),
        });
        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = suites,
            Models = [new ModelSpec("teacher", "teacher"), new ModelSpec("student", "student")],
            ResultsRoot = temp.Path,
        });
        return result.Metrics;
    }

    /// <summary>Prompt → programmed response, from a fixture spec's <c>responses: suite → case → text</c>.</summary>
    private static Dictionary<string, string> Responses(IReadOnlyList<Suite> suites, string spec)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Combine("fixtures", spec))));
        var responses = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["responses"];
        return suites.SelectMany(suite => suite.Cases.Select(c =>
                (c.Prompt!, ((YamlScalarNode)((YamlMappingNode)responses[suite.Id])[c.Id]).Value!)))
            .ToDictionary(x => x.Item1, x => x.Item2);
    }

    private static int Successes(IEnumerable<SuiteMetrics> suite, string model) => suite.Single(m => m.Model == model).Estimate.Successes;

    private static (int, int) Tag(SuiteMetrics metrics, string tag)
    {
        var estimate = metrics.ByTag.Single(t => t.Tag == tag).Estimate;
        return (estimate.Successes, estimate.N);
    }
}
