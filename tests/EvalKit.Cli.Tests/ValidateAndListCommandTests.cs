using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

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

        var result = await EvalKitProcess.RunAsync(temp.Path, "validate", suite);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("bad.yaml:2:", result.Output);
        Assert.Contains("accuracy", result.Output);
        Assert.Contains("bad.yaml:7:", result.Output);
    }

    [Fact]
    public async Task Validate_and_list_accept_the_repository_suites()
    {
        var suites = Path.Combine(RepositoryPaths.Root, "suites");

        var validate = await EvalKitProcess.RunAsync(RepositoryPaths.Root, "validate", suites);
        var list = await EvalKitProcess.RunAsync(RepositoryPaths.Root, "list", suites);

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
        var result = await EvalKitProcess.RunAsync(Path.GetTempPath(), command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EXAMPLES:", result.Stdout);
        Assert.Contains("evalkit " + command, result.Stdout);
    }
}
