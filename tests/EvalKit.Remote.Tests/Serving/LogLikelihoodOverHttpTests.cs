using System.Net;
using System.Text;
using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Serving;

/// <summary>
/// <c>choice_loglik</c> through <see cref="OpenAiBackend"/> (<c>/v1/completions</c> with echo + logprobs) against
/// <c>evalkit serve</c>'s server on loopback, compared with the same GGUF scored locally.
/// </summary>
public sealed class LogLikelihoodOverHttpTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    private static readonly Suite Choices = new()
    {
        Id = "loglik",
        Kind = SuiteKind.Accuracy,
        Scorer = new ScorerSpec(ChoiceLogLikelihoodScorer.TypeName, new Dictionary<string, string>()),
        Cases =
        [
            new EvalCase
            {
                Id = "story", Prompt = "Once upon a time, there was a", Answer = "B",
                Choices = ["big", "little girl named Lily. She loved to play outside in the park.", "dog."],
            },
            new EvalCase { Id = "trailing-space", Prompt = "The little dog ", Answer = "A", Choices = ["was happy.", "ran to the park.", "café au lait ☕"] },
            new EvalCase { Id = "sun", Prompt = "The sun was", Answer = "C", Choices = ["hot", "very bright and warm", "blue"] },
        ],
    };

    [Fact]
    public async Task Choice_loglik_over_http_equals_the_local_model_acc_acc_norm_and_each_log_likelihood()
    {
        // Given the same GGUF once loaded locally and once behind the OpenAI-compatible server
        using var temp = new TempDir();
        var factory = new TestBackendFactory(async spec => spec.Name == "local"
            ? await LlamaBackend.LoadAsync(ServedStoriesFixture.LocalOptions)
            : OpenAiBackend.Create(served.RemoteOptions));

        // When a choice_loglik suite runs on both
        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Choices],
            Models = [new ModelSpec("local", "llama:" + SharedAssets.Stories260K), new ModelSpec("served", $"openai:{served.Server.BaseAddress}#stories")],
            ResultsRoot = temp.File("results"),
        });

        // Then acc and acc_norm agree case by case and every choice's log-likelihood agrees within 1e-4
        var samples = SamplesReader.Read(result.Directory.Path);
        Assert.Equal(2 * Choices.Cases.Count, samples.Count);
        Assert.All(samples, s => Assert.Null(s.Error));
        var local = samples.Where(s => s.Model == "local").ToDictionary(s => s.CaseId);
        foreach (var remote in samples.Where(s => s.Model == "served"))
        {
            var twin = local[remote.CaseId];
            Assert.Equal((twin.Score, twin.AccNorm, twin.Completion), (remote.Score, remote.AccNorm, remote.Completion));
            Assert.Equal(twin.ChoiceLogLikelihoods!.Count, remote.ChoiceLogLikelihoods!.Count);
            foreach (var (mine, theirs) in twin.ChoiceLogLikelihoods.Zip(remote.ChoiceLogLikelihoods))
            {
                Assert.InRange(theirs.LogProbability, mine.LogProbability - 1e-4, mine.LogProbability + 1e-4);
                Assert.Equal((mine.Tokens, mine.IsGreedy, mine.Continuation), (theirs.Tokens, theirs.IsGreedy, theirs.Continuation));
            }
        }
        // and the suite's metrics are the same for both models (a wrong score on one would show here)
        var byModel = result.Metrics.Suites.ToDictionary(m => m.Model);
        Assert.Equal(
            (byModel["local"].Estimate.Successes, byModel["local"].AccNorm!.Successes, byModel["local"].Errors),
            (byModel["served"].Estimate.Successes, byModel["served"].AccNorm!.Successes, byModel["served"].Errors));
        Assert.Equal(Choices.Cases.Count, byModel["served"].Estimate.N);
    }

    [Fact]
    public async Task Echoed_token_log_probabilities_match_the_local_model_token_for_token()
    {
        // Given a text with a character outside the BMP (offsets are code points on the wire)
        const string text = "Lily saw a 🐶 and smiled.";

        // When it is scored locally and over HTTP with five alternatives per position
        var mine = await served.Local.TokenLogProbsAsync(text, 5);
        var theirs = await served.Remote.TokenLogProbsAsync(text, 5);

        // Then the tokens, offsets (UTF-16 again after the round trip), log-probabilities and alternatives agree
        Assert.Equal(mine.Select(t => (t.Text, t.Offset)), theirs.Select(t => (t.Text, t.Offset)));
        // (stories260K adds BOS, so even the first token has a log-probability: given BOS alone)
        foreach (var (a, b) in mine.Zip(theirs))
        {
            Assert.InRange(b.LogProbability!.Value, a.LogProbability!.Value - 1e-9, a.LogProbability.Value + 1e-9);
            Assert.Equal(a.Top.Keys.Order(), b.Top.Keys.Order());
            Assert.True(a.Top.Count is > 0 and <= 5);
        }
        // and every whole-character token's text is found in the text at its offset (the first without the space
        // SentencePiece puts in front of it); the emoji's byte tokens all point at the emoji
        foreach (var token in theirs.Where(t => !t.Text.Contains('\uFFFD')))
            Assert.StartsWith(token.Offset == 0 ? token.Text.TrimStart() : token.Text, text[token.Offset..]);
        Assert.All(theirs.Where(t => t.Text.Contains('\uFFFD')), t => Assert.Equal(text.IndexOf("🐶", StringComparison.Ordinal), t.Offset));
    }

    [Theory]
    [InlineData("""{"model": "stories", "prompt": "Once", "echo": true, "logprobs": 1, "stream": true}""", "stream")]
    [InlineData("""{"model": "stories", "prompt": "Once", "echo": true, "logprobs": 21, "max_tokens": 0}""", "logprobs")]
    public async Task Echo_requests_the_server_cannot_answer_are_400_naming_the_parameter(string body, string param)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(served.Server.BaseAddress + "/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(param, error.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Echo_with_max_tokens_0_returns_the_prompt_and_a_log_probability_per_token()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(served.Server.BaseAddress + "/completions", new StringContent(
            """{"model": "stories", "prompt": "Once upon a time", "echo": true, "logprobs": 2, "max_tokens": 0}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var choice = answer.RootElement.GetProperty("choices")[0];
        Assert.Equal("Once upon a time", choice.GetProperty("text").GetString());
        var logprobs = choice.GetProperty("logprobs");
        var tokens = logprobs.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal("Once upon a time", string.Concat(tokens).TrimStart());
        Assert.Equal(tokens.Count, logprobs.GetProperty("token_logprobs").GetArrayLength());
        Assert.All(logprobs.GetProperty("top_logprobs").EnumerateArray(), top => Assert.Equal(2, top.EnumerateObject().Count()));
        Assert.Equal(0, logprobs.GetProperty("text_offset")[0].GetInt32());
    }
}
