using Spectre.Console.Testing;

namespace EvalKit.Cli.Tests;

/// <summary>
/// Runs an <c>evalkit</c> command in this process (<see cref="EvalKitApp.Create(IReadOnlyList{string}, Spectre.Console.IAnsiConsole?)"/>
/// on Spectre's <see cref="TestConsole"/>), for tests of what a command says and returns where a separate process is
/// not the point; <see cref="EvalKitProcess"/> runs the real program (exit codes from the binary, crash isolation,
/// signals, the working directory). Everything the command prints, errors included, is in <c>Stdout</c>. Paths must be
/// absolute: the working directory is the test runner's.
/// </summary>
internal static class EvalKitInProcess
{
    public static async Task<EvalKitProcess.Result> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Profile.Width = 200;
        var exitCode = await EvalKitApp.Create(args, console).RunAsync(args);
        return new EvalKitProcess.Result(exitCode, console.Output, "");
    }
}
