using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Running;
using EvalKit.Remote.Tests.Faults;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Backend;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task Key_is_read_from_the_named_variable_sent_as_bearer_and_never_written_to_results()
    {
        // Given a key in an environment variable that the options name
        var variable = "EVALKIT_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        const string secret = "sk-test-3f9a1c55e0b2";
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            await using var server = await FaultServer.StartAsync((http, _, _) => FaultServer.StreamAsync(http, "ok"));
            using var temp = new TempDir();
            var factory = new TestBackendFactory(_ => Task.FromResult<IModelBackend>(
                OpenAiBackend.Create(server.Options with { ApiKeyEnvironmentVariable = variable })));
            var request = new RunRequest
            {
                Suites = [StorySuite.Load(temp)],
                Models = [new ModelSpec("remote", $"openai:{server.BaseAddress}#{FaultServer.Model}")],
                ResultsRoot = temp.File("results"),
            };

            // When a run goes through the endpoint
            var result = await new EvaluationRunner(factory).RunAsync(request);

            // Then the server saw the key as a Bearer token, and no file of the run holds it
            Assert.All(server.Requests, r => Assert.Equal("Bearer " + secret, r.Authorization));
            foreach (var file in Directory.GetFiles(result.Directory.Path))
                Assert.DoesNotContain(secret, File.ReadAllText(file));
            Assert.Contains(variable, File.ReadAllText(Path.Combine(result.Directory.Path, "run.json")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Without_a_named_variable_no_authorization_header_is_sent()
    {
        await using var server = await FaultServer.StartAsync((http, _, _) => FaultServer.StreamAsync(http, "ok"));
        await using var backend = OpenAiBackend.Create(server.Options);

        await backend.GenerateAsync(GenerationRequest.Raw("p", new GenerationParameters()));

        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public void Named_variable_that_is_not_set_fails_before_anything_is_sent()
    {
        var options = new OpenAiBackendOptions(new Uri("http://127.0.0.1:9/v1"), "m") { ApiKeyEnvironmentVariable = "EVALKIT_TEST_UNSET_KEY" };

        var error = Assert.Throws<EvalKitException>(() => OpenAiBackend.Create(options));

        Assert.Contains("EVALKIT_TEST_UNSET_KEY", error.Message);
        Assert.Contains("is not set", error.Message);
    }
}
