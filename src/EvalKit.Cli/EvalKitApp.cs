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
                .WithExample("run", "--suite", "suites/demo", "--model", "teacher=openai:http://gpu-box:8000/v1#deepseek-r1", "--model", "student=s.gguf", "--api-key-env", "OPENAI_API_KEY")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=s.gguf", "--shard", "2/3");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve a local GGUF model as an OpenAI-compatible endpoint (/v1/completions, /v1/chat/completions, /v1/models).")
                .WithExample("serve", "models/student.gguf", "--port", "8080")
                .WithExample("serve", "models/student.gguf", "--host", "0.0.0.0", "--port", "8000", "--device", "cuda");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Combine the result folders of the shards of one run (run --shard K/N) into one run.")
                .WithExample("merge", "shards/run1", "shards/run2", "shards/run3", "-o", "results/merged");
            config.AddCommand<ListCommand>("list")
                .WithDescription("List suites with their kind and case count.")
                .WithExample("list", "suites");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check suite files without loading any model; prints every problem with file:line:column.")
                .WithExample("validate", "suites/demo");
        });
        return app;
    }
}
