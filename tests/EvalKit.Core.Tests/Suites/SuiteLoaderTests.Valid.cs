using System.Security.Cryptography;
using System.Text;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Suites;

public partial class SuiteLoaderTests
{
    private const string FullSuite = """
        id: demo-accuracy
        kind: accuracy
        description: Short text
        defaults:
          system: You are terse.
          max_tokens: 32
          temperature: 0.5
          top_p: 0.9
          seed: 7
          stop: ["\n", "Q:"]
        scorer:
          type: exact
          strip_articles: false
        cases:
          - id: q1
            prompt: "Q: 2+2? A:"
            expected: "4"
            choices: ["3", "4"]
            answer: B
            tags: {topic: math, language: en}
          - id: q2
            messages:
              - {role: system, content: Be brief.}
              - {role: user, content: "Capital of Italy?"}
            expected: [Rome, Roma]
            choices: [Paris, Rome]
            answer: b
            tags: [control, easy]
        """;

    [Fact]
    public void Full_suite_maps_every_field_into_the_records()
    {
        // Given a suite that uses every key
        // When it is parsed
        var suite = SuiteLoader.Parse(FullSuite, "suites/demo.yaml");

        // Then every value lands in the records
        Assert.Equal("demo-accuracy", suite.Id);
        Assert.Equal(SuiteKind.Accuracy, suite.Kind);
        Assert.Equal("Short text", suite.Description);
        Assert.Equal(new GenerationDefaults
        {
            System = "You are terse.", MaxTokens = 32, Temperature = 0.5f, TopP = 0.9f, Seed = 7, Stop = suite.Defaults.Stop,
        }, suite.Defaults);
        Assert.Equal(["\n", "Q:"], suite.Defaults.Stop);
        Assert.Equal("exact", suite.Scorer.Type);
        Assert.Equal(new Dictionary<string, string> { ["strip_articles"] = "false" }, suite.Scorer.Options);
        Assert.False(suite.Scorer.Flag("strip_articles", fallback: true));
        Assert.Equal("suites/demo.yaml", suite.SourcePath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FullSuite))), suite.Digest);

        var (q1, q2) = (suite.Cases[0], suite.Cases[1]);
        Assert.Equal(2, suite.Cases.Count);
        Assert.Equal("q1", q1.Id);
        Assert.Equal("Q: 2+2? A:", q1.Prompt);
        Assert.Null(q1.Messages);
        Assert.Equal(["4"], q1.Expected);
        Assert.Equal(["3", "4"], q1.Choices);
        Assert.Equal("B", q1.Answer);
        Assert.Equal(new Dictionary<string, string> { ["topic"] = "math", ["language"] = "en" }, q1.Tags);

        Assert.Equal("q2", q2.Id);
        Assert.Null(q2.Prompt);
        Assert.Equal([new ChatMessage("system", "Be brief."), new ChatMessage("user", "Capital of Italy?")], q2.Messages!);
        Assert.Equal(["Rome", "Roma"], q2.Expected);
        Assert.Equal(["Paris", "Rome"], q2.Choices);
        Assert.Equal("B", q2.Answer);
        Assert.Equal(new Dictionary<string, string> { ["control"] = "", ["easy"] = "" }, q2.Tags);
    }

    [Fact]
    public void Minimal_suite_gets_the_documented_defaults()
    {
        // Given a suite with only the required keys and a scorer written as a bare name
        const string yaml = """
            id: tiny
            kind: custom
            scorer: contains
            cases:
              - id: only
                prompt: Once upon a time
                expected: there
            """;

        // When it is parsed
        var suite = SuiteLoader.Parse(yaml, "tiny.yaml");

        // Then the defaults apply
        Assert.Equal(SuiteKind.Custom, suite.Kind);
        Assert.Equal("", suite.Description);
        Assert.Equal(new GenerationDefaults().MaxTokens, suite.Defaults.MaxTokens);
        Assert.Null(suite.Defaults.System);
        Assert.Equal(0f, suite.Defaults.Temperature);
        Assert.Empty(suite.Defaults.Stop);
        Assert.Equal("contains", suite.Scorer.Type);
        Assert.Empty(suite.Scorer.Options);
        var only = Assert.Single(suite.Cases);
        Assert.Equal("Once upon a time", only.Prompt);
        Assert.Equal(["there"], only.Expected);
        Assert.Empty(only.Choices);
        Assert.Null(only.Answer);
        Assert.Empty(only.Tags);
    }

    [Fact]
    public void Scorer_defaults_to_exact_and_stop_accepts_a_single_string()
    {
        // Given a suite without a scorer and with a single stop string
        const string yaml = """
            id: defaults.check_1
            kind: hallucination
            defaults: {stop: "###"}
            cases:
              - {id: a, prompt: "x", expected: "y"}
            """;

        // When it is parsed
        var suite = SuiteLoader.Parse(yaml, "d.yaml");

        // Then the scorer is exact and stop is a one-item list
        Assert.Equal(ScorerSpec.Default.Type, suite.Scorer.Type);
        Assert.Equal(["###"], suite.Defaults.Stop);
        Assert.Equal(SuiteKind.Hallucination, suite.Kind);
    }
}
