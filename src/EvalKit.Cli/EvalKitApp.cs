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
                .WithExample("run", "--resume", "results/20261128-101500-a1b2c3")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=models/student.gguf", "--parallel", "8");
            config.AddCommand<ListCommand>("list")
                .WithDescription("List suites with their kind and case count.")
                .WithExample("list", "suites");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check suite files without loading any model; prints every problem with file:line:column.")
                .WithExample("validate", "suites/demo");
            config.AddCommand<FidelityCommand>("fidelity")
                .WithDescription("Distillation fidelity: per-token KL(teacher‖student) and top-1 agreement when both models share a tokenizer; writes fidelity.json.")
                .WithExample("fidelity", "--teacher", "models/teacher.gguf", "--student", "models/student.gguf", "--suite", "suites/demo")
                .WithExample("fidelity", "--teacher", "t.gguf", "--student", "s.gguf", "--text", "corpus.txt", "--max-tokens", "64");
        });
        return app;
    }
}
