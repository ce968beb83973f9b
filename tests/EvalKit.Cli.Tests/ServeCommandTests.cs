using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>evalkit serve</c> as a user starts it: a real process listening on a free loopback port.</summary>
public partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_answers_openai_requests_for_the_model_until_stopped()
    {
        // Given the program serving stories260K on a port the system picks
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "evalkit.dll"), "serve", SharedAssets.Stories260K, "--port", "0", "--threads", "1", "--ctx", "256", "--name", "tiny" })
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        using var process = Process.Start(start)!;
        try
        {
            var baseAddress = await ReadAddressAsync(process);

            // When a client lists models and asks for a completion
            using var http = new HttpClient();
            var models = await http.GetStringAsync(baseAddress + "/models");
            using var response = await http.PostAsJsonAsync(baseAddress + "/completions",
                new { model = "tiny", prompt = "Once upon a time", max_tokens = 6, temperature = 0 });
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            // Then the served model answers with its greedy continuation
            Assert.Contains("\"id\":\"tiny\"", models);
            Assert.StartsWith(", there was", answer.RootElement.GetProperty("choices")[0].GetProperty("text").GetString());
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Parallel_outside_one_to_sixty_four_is_bad_input_before_the_model_loads()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "serve", SharedAssets.Stories260K, "--port", "0", "--parallel", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--parallel must be between 1 and 64", result.Output);
    }

    private static async Task<string> ReadAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = "";
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen += line + "\n";
            if (Address().Match(line) is { Success: true } match)
                return match.Value;
        }
        throw new InvalidOperationException("serve exited without an address:\n" + seen + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/v1")]
    private static partial Regex Address();
}
