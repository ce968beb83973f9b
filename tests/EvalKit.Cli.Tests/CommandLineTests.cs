using System.Reflection;
using EvalKit.Cli.Commands;
using EvalKit.Cli.Internal;
using EvalKit.Core;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Tests;

/// <summary>Strict command lines: unknown options, extra arguments, unconvertible and out-of-range values are bad input (exit 2).</summary>
public class CommandLineTests
{
    /// <summary>One valid start of a command line per command, up to where an extra option may follow.</summary>
    public static TheoryData<string> Commands => new(CommandStarts.Keys);

    private static readonly Dictionary<string, string[]> CommandStarts = new()
    {
        ["run"] = ["run", "--suite", "suites/x.yaml"],
        ["bench"] = ["bench", "m.gguf"],
        ["serve"] = ["serve", "m.gguf"],
        ["merge"] = ["merge", "a", "b", "-o", "out"],
        ["list"] = ["list"],
        ["info"] = ["info", "m.gguf"],
        ["fixtures build"] = ["fixtures", "build", "f.fixture.yaml", "-o", "f.gguf"],
        ["fixtures synth"] = ["fixtures", "synth", "--shape", "tiny", "-o", "s.gguf"],
        ["cache stats"] = ["cache", "stats"],
        ["cache prune"] = ["cache", "prune", "--all"],
        ["validate"] = ["validate", "suites"],
        ["fidelity"] = ["fidelity", "--teacher", "t.gguf", "--student", "s.gguf", "--text", "t.txt"],
        ["import"] = ["import", "gsm8k", "d.jsonl", "-o", "s.yaml"],
        ["report"] = ["report", "results/r"],
        ["compare"] = ["compare", "results/a", "results/b"],
    };

    [Fact]
    public void The_theories_cover_every_registered_command()
    {
        EvalKitApp.Create([], null, out var commands);

        Assert.Equal(commands.Keys.Order(), CommandStarts.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_refuses_an_unknown_option_with_exit_2(string command)
    {
        // Given a command line of that command with an option it does not have
        using var temp = new TempDir();

        // When it runs
        var result = await EvalKitProcess.RunAsync(temp.Path, [.. CommandStarts[command], "--no-such-option"]);

        // Then it is bad input naming the option and the command, before anything is done
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains($"'evalkit {command}' has no option --no-such-option", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Compare_with_a_misspelled_gate_option_fails_and_suggests_the_right_one()
    {
        // Given two runs where a real gate would fail (the student is far behind the teacher)
        using var temp = new TempDir();
        var baseline = DemoRun.Write(temp.File("results"));
        var candidate = DemoRun.Write(temp.File("results"));

        // When the CI gate is misspelled
        var result = await EvalKitProcess.RunAsync(temp.Path, "compare", baseline, candidate, "--max-regresion", "accuracy=2pp", "-o", "cmp");

        // Then the job fails as bad input with the nearest option, and nothing is written
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains("'evalkit compare' has no option --max-regresion. Did you mean --max-regression?", result.Output);
        Assert.False(Directory.Exists(temp.File("cmp")));
    }

    [Theory]
    [InlineData("compare", "results/a", "results/b", "results/c")]
    [InlineData("serve", "m.gguf", "extra")]
    [InlineData("import", "gsm8k", "d.jsonl", "extra", "-o", "s.yaml")]
    public async Task An_extra_argument_is_bad_input(params string[] args)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, args);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains($"Unexpected argument '{(args[0] == "compare" ? "results/c" : "extra")}' for 'evalkit {args[0]}'", result.Output);
    }

    [Theory]
    [InlineData("--threads", "100000", "--threads must be between 1 and 1024, got 100000.")]
    [InlineData("--threads", "0", "--threads must be between 1 and 1024, got 0.")]
    [InlineData("--parallel", "0", "--parallel must be between 1 and 1024, got 0.")]
    [InlineData("--repeats", "-3", "--repeats must be between 1 and 10000, got -3.")]
    [InlineData("--ctx", "999999999", "--ctx must be between 1 and 134217728, got 999999999.")]
    public async Task Run_refuses_numeric_options_out_of_range_before_any_model_loads(string option, string value, string message)
    {
        // Given a run that would load a real model
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", "id: s\nkind: accuracy\nscorer: {type: contains}\ncases:\n  - {id: a, prompt: Once, expected: [the]}\n");

        // When an option is out of its range
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "tiny=" + SharedAssets.Stories260K, "--no-cache", option, value);

        // Then the run is refused as bad input naming the option and its range; no run folder is made
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains(message, result.Output);
        Assert.False(Directory.Exists(temp.File("results")));
    }

    [Theory]
    [InlineData("bench", "m.gguf", "-t", "5000", "-t must be whole numbers from 1 to 1024")]
    [InlineData("serve", "m.gguf", "--port", "70000", "--port must be between 0 and 65535, got 70000.")]
    [InlineData("import", "gsm8k", "d.jsonl", "-o", "s.yaml", "--sample", "0", "--sample must be between 1 and")]
    [InlineData("fidelity", "--teacher", "t.gguf", "--student", "s.gguf", "--text", "t.txt", "--max-tokens", "0", "--max-tokens must be between 1 and")]
    public async Task Numeric_options_of_other_commands_are_bounded_too(params string[] argsAndMessage)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, argsAndMessage[..^1]);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains(argsAndMessage[^1], result.Output);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_names_the_option_and_what_it_expects()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "--suite", "s.yaml", "--threads", "abc");

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.Output);
        Assert.Contains("--threads expects a whole number, got 'abc'.", result.Output);
        Assert.DoesNotContain("Nullable", result.Output);
    }

    [Fact]
    public void Every_numeric_option_of_every_command_has_bounds()
    {
        EvalKitApp.Create([], null, out var commands);
        var numeric = new[] { typeof(int), typeof(long), typeof(uint), typeof(ulong), typeof(double), typeof(float), typeof(decimal) };

        var unbounded =
            from command in commands
            from property in command.Value.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            where property.GetCustomAttribute<CommandOptionAttribute>() is { IsHidden: false }
                && numeric.Contains(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
                && property.GetCustomAttribute<BoundsAttribute>() is null
            select $"{command.Key} {property.Name}";

        Assert.Empty(unbounded);
    }

    [Theory]
    [InlineData("max-regresion", "max-regression")]
    [InlineData("thread", "threads")]
    [InlineData("paralel", "parallel")]
    [InlineData("completely-different", null)]
    public void The_nearest_option_is_a_close_spelling_or_none(string typed, string? expected)
    {
        var names = CommandLineErrors.Options(typeof(RunCommand.Settings)).Concat(CommandLineErrors.Options(typeof(CompareCommand.Settings)))
            .Select(o => o.Names[0]);

        Assert.Equal(expected, CommandLineErrors.Nearest(typed, names));
    }
}
