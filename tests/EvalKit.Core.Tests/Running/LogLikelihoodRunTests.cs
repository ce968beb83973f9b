using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public sealed class LogLikelihoodRunTests
{
    [Fact]
    public async Task Choice_loglik_on_a_backend_without_log_probabilities_is_a_failed_sample_that_says_why()
    {
        // Given: the scripted backend only generates text
        using var temp = new TempDir();
        var backend = new ScriptedBackend("api", new Dictionary<string, string> { ["Capital of France?"] = "A" });
        var suite = new Suite
        {
            Id = "mc",
            Kind = SuiteKind.Accuracy,
            Digest = "d",
            Scorer = new ScorerSpec(ChoiceLogLikelihoodScorer.TypeName, new Dictionary<string, string>()),
            Cases = [new EvalCase { Id = "fr", Prompt = "Capital of France?", Choices = ["Paris", "Rome"], Answer = "A" }],
        };

        // When
        var result = await new EvaluationRunner(new ScriptedBackendFactory(new() { ["api"] = backend })).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("api", "api")],
            ResultsRoot = temp.Path,
        });

        // Then
        var sample = Assert.Single(SamplesReader.Read(result.Directory.Path));
        Assert.Equal(ScoreLabel.Error, sample.Label);
        Assert.Equal("The scripted backend of model 'api' cannot compute log-probabilities.", sample.Error);
        Assert.Contains("scorer 'choice' grades a generated letter", sample.Reason);
        Assert.Equal(0, backend.Calls);
        Assert.Equal(1, Assert.Single(result.Metrics.Suites).Errors);
    }

    [Fact]
    public async Task A_loglik_choices_suite_on_a_model_declared_without_log_likelihoods_is_refused_before_anything_loads()
    {
        // Given: the factory knows, without loading, that the scripted backend only generates
        using var temp = new TempDir();
        var backend = new ScriptedBackend("api", new Dictionary<string, string>());
        var factory = new ScriptedBackendFactory(new() { ["api"] = backend }, declaresCapabilities: true);
        var suite = new Suite
        {
            Id = "mc",
            Kind = SuiteKind.Accuracy,
            Digest = "d",
            Scorer = new ScorerSpec(ChoiceLogLikelihoodScorer.TypeName, new Dictionary<string, string>()),
            Cases = [new EvalCase { Id = "fr", Prompt = "Capital of France?", Choices = ["Paris", "Rome"], Answer = "A" }],
        };

        // When
        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("api", "api")],
            ResultsRoot = temp.Path,
        }));

        // Then: the message names the request kind and the capability; nothing was loaded or written
        Assert.Contains("Suite 'mc' (scorer choice_loglik) asks loglik_choices, which needs the capability 'loglikelihood' that model 'api' lacks", error.Message);
        Assert.Empty(factory.Loaded);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
