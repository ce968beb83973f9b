using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>validate, list and help, run in this process: what they print and return.</summary>
public class ValidateAndListCommandTests
{
    [Fact]
    public async Task Validate_prints_every_problem_with_its_location_and_exits_2()
    {
        using var temp = new TempDir();
        var suite = temp.Write("bad.yaml", """
            id: bad
            kind: acuracy
            cases:
              - id: a
                prompt: hi
                expected: hello
              - id: a
                prompt: again
                expected: hello
            """);

        var result = await EvalKitInProcess.RunAsync("validate", suite);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("bad.yaml:2:", result.Output);
        Assert.Contains("accuracy", result.Output);
        Assert.Contains("bad.yaml:7:", result.Output);
    }

    [Fact]
    public async Task Validate_and_list_accept_the_repository_suites()
    {
        var suites = Path.Combine(RepositoryPaths.Root, "suites");

        var validate = await EvalKitInProcess.RunAsync("validate", suites);
        var list = await EvalKitInProcess.RunAsync("list", suites);

        Assert.True(validate.ExitCode == ExitCodes.Ok, validate.Output);
        Assert.True(list.ExitCode == ExitCodes.Ok, list.Output);
        Assert.Contains("demo-accuracy", list.Stdout);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("list")]
    [InlineData("validate")]
    public async Task Every_command_has_help_with_an_example(string command)
    {
        var result = await EvalKitInProcess.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EXAMPLES:", result.Stdout);
        Assert.Contains("evalkit " + command, result.Stdout);
    }
}
