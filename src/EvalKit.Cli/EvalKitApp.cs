using EvalKit.Cli.Commands;
using EvalKit.Cli.Output;
using EvalKit.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli;

/// <summary>The <c>evalkit</c> command tree. Every command, its description and examples are registered here.</summary>
public static class EvalKitApp
{
    public static CommandApp Create(IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("evalkit");
            config.SetApplicationVersion(EvalKitVersion.Current);
            if (console is not null)
                config.ConfigureConsole(console);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((ex, _) => ErrorPrinter.Print(console ?? AnsiConsole.Console, ex));
            config.ValidateExamples();

            config.AddCommand<RunCommand>("run")
                .WithDescription("Run suites against one or more models and write results/<run-id>/.")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=models/student.gguf")
                .WithExample("run", "--suite", "suites/demo/accuracy.yaml", "--model", "teacher=t.gguf", "--model", "student=s.gguf", "--out", "results")
                .WithExample("run", "--resume", "results/20261128-101500-a1b2c3");
            config.AddCommand<ListCommand>("list")
                .WithDescription("List suites with their kind and case count.")
                .WithExample("list", "suites");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check suite files without loading any model; prints every problem with file:line:column.")
                .WithExample("validate", "suites/demo");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write a self-contained HTML report (with charts and every answer), summary.md and junit.xml from run folders; exit 1 when a gate fails.")
                .WithExample("report", "results/20261128-101500-a1b2c3", "-o", "reports/demo")
                .WithExample("report", "results/20261128-101500-a1b2c3", "--fail-if", "accuracy < 0.70", "--max-regression", "accuracy=2pp")
                .WithExample("report", "results/run-a", "results/run-b", "-o", "reports/both", "--gates", "gates.yaml");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compare a candidate run with a baseline run case by case (paired intervals, McNemar); exit 1 when a gate fails.")
                .WithExample("compare", "results/baseline-run", "results/candidate-run", "--max-regression", "accuracy=2pp")
                .WithExample("compare", "results/baseline-run", "results/candidate-run", "--gates", "gates.yaml", "-o", "reports/compare");
        });
        return app;
    }
}
