using System.Text;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>Bad input gets a message that names the file and says what is wrong, with exit code 2 and no stack trace.</summary>
public class BadInputMessageTests
{
    private const string Suite = "id: s\nkind: accuracy\nscorer: {type: contains}\ncases:\n  - {id: a, prompt: Once, expected: [the]}\n";

    [Fact]
    public async Task A_huge_timeout_in_evalkit_yaml_is_a_validation_error_at_its_line()
    {
        using var temp = new TempDir();
        temp.Write("s.yaml", Suite);
        temp.Write("evalkit.yaml", "models:\n  remote:\n    source: \"openai:http://127.0.0.1:9/v1#m\"\n    timeout_s: 1e300\n");

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "--suite", "s.yaml", "--model", "remote");

        AssertBadInput(result, "evalkit.yaml:4:16: timeout_s of model 'remote' must be above 0 and at most 86400 seconds");
        Assert.DoesNotContain("Overflow", result.Output);
    }

    [Fact]
    public async Task An_evalkit_yaml_that_is_not_UTF8_is_refused_with_the_byte_offset()
    {
        using var temp = new TempDir();
        temp.Write("s.yaml", Suite);
        File.WriteAllBytes(temp.File("evalkit.yaml"), [.. Encoding.ASCII.GetBytes("models:\n  r: {source: \"openai:http://h/v1#caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"}\n")]);

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "--suite", "s.yaml", "--model", "r");

        AssertBadInput(result, "evalkit.yaml: not valid UTF-8 at byte offset 45.");
    }

    [Fact]
    public async Task An_empty_stop_list_is_refused()
    {
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", "id: s\nkind: accuracy\ndefaults: {stop: []}\nscorer: {type: contains}\ncases:\n  - {id: a, prompt: Once, expected: [the]}\n");

        var result = await EvalKitInProcess.RunAsync("validate", suite);

        AssertBadInput(result, "s.yaml:3:18: 'stop' must not be an empty list");
    }

    [Fact]
    public async Task Report_of_a_run_without_samples_or_with_garbage_samples_is_bad_input()
    {
        // Given a run folder whose samples.jsonl is missing, and one whose samples.jsonl is garbage
        using var temp = new TempDir();
        var missing = DemoRun.Write(temp.File("results"));
        File.Delete(Path.Combine(missing, SamplesWriter.FileName));
        var garbage = DemoRun.Write(temp.File("results"));
        File.WriteAllText(Path.Combine(garbage, SamplesWriter.FileName), "garbage without a newline");

        // When each is reported
        var first = await EvalKitInProcess.RunAsync("report", missing, "-o", temp.File("a"));
        var second = await EvalKitInProcess.RunAsync("report", garbage, "-o", temp.File("b"));

        // Then neither is "0 samples" with exit 0
        AssertBadInput(first, $"{SamplesWriter.FileName} is missing.");
        AssertBadInput(second, $"{SamplesWriter.FileName} holds no valid sample line.");
        Assert.False(Directory.Exists(temp.File("a")));
    }

    [Fact]
    public async Task A_folder_without_run_json_is_said_to_be_no_run_folder()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("results/r1"));

        var result = await EvalKitProcess.RunAsync(temp.Path, "report", "results/r1");

        AssertBadInput(result, "results/r1 is not a run folder: it has no run.json.");
        Assert.DoesNotContain("not found", result.Output);
    }

    [Fact]
    public async Task Info_on_a_folder_says_it_is_a_folder()
    {
        using var temp = new TempDir();

        var result = await EvalKitInProcess.RunAsync("info", temp.Path);

        AssertBadInput(result, $"{temp.Path} is a directory, not a model file.");
    }

    [Fact]
    public async Task A_named_pipe_as_model_path_is_refused_without_waiting_for_a_writer()
    {
        // Given a FIFO named like a model (opening it for reading would block until something writes to it)
        using var temp = new TempDir();
        temp.Write("s.yaml", Suite);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", temp.File("model.gguf")))
            await mkfifo.WaitForExitAsync();

        // When info and run are given it
        var info = await EvalKitProcess.RunAsync(temp.Path, "info", "model.gguf");
        var run = await EvalKitProcess.RunAsync(temp.Path, "run", "--suite", "s.yaml", "--model", "m=model.gguf", "--no-cache");

        // Then both refuse it as bad input
        AssertBadInput(info, "model.gguf is empty or not a regular file (a pipe or a device)");
        AssertBadInput(run, "model.gguf is empty or not a regular file (a pipe or a device)");
    }

    [Fact]
    public async Task Import_creates_a_missing_output_folder()
    {
        using var temp = new TempDir();
        temp.Write("data.jsonl", "{\"q\": \"2+2?\", \"a\": \"4\"}\n{\"q\": \"3+3?\", \"a\": \"6\"}\n");

        var result = await EvalKitProcess.RunAsync(temp.Path,
            "import", "jsonl", "data.jsonl", "-o", "new/nested/s.yaml", "--map", "prompt=q", "--map", "expected=a");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains("2 case(s)", result.Stdout);
        Assert.Contains("cases:", File.ReadAllText(temp.File("new/nested/s.yaml")));
    }

    private static void AssertBadInput(EvalKitProcess.Result result, string message)
    {
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains(message, result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
