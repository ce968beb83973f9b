using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Llama;
using EvalKit.Remote.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit serve MODEL.gguf</c>: an OpenAI-compatible endpoint over a local model, until Ctrl+C.</summary>
public sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : LocalModelSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("The GGUF model file to serve.")]
        public string Model { get; init; } = "";

        [CommandOption("-p|--port <N>")]
        [Bounds(0, 65535)]
        [Description("TCP port to listen on (0 picks a free one).")]
        [DefaultValue(8080)]
        public int Port { get; init; } = 8080;

        [CommandOption("--host <ADDRESS>")]
        [Description("IP address to listen on. The default, 127.0.0.1, is reachable from this machine only; 0.0.0.0 opens it to the network (there is no authentication).")]
        [DefaultValue("127.0.0.1")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--parallel <N>")]
        [Bounds(1, LlamaModelOptions.MaxParallel)]
        [Description("Requests decoded together, as llama-server's -np: concurrent requests share one continuous decode loop of N slots (each slot is as large as --ctx). 1 answers one request at a time.")]
        [DefaultValue(4)]
        public int Parallel { get; init; } = 4;

        [CommandOption("--name <NAME>")]
        [Description("The model name clients send. Default: the file name without extension.")]
        public string? Name { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = settings.Model.StartsWith("llama:", StringComparison.OrdinalIgnoreCase) ? settings.Model["llama:".Length..] : settings.Model;
        if (!File.Exists(path))
            throw Errors.PathNotFound("Model file", path, "Pass a .gguf file to serve.");
        var name = settings.Name ?? Path.GetFileNameWithoutExtension(path);
        await using var backend = await LlamaBackend.LoadAsync(settings.ToLocalOptions().For(path, name) with { Parallel = settings.Parallel }, cancellationToken);
        await using var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Host = settings.Host, Port = settings.Port }, cancellationToken);

        console.MarkupLine($"Serving [green]{TerminalText.Escape(server.ModelName)}[/] ({TerminalText.Escape(backend.Info.Details.GetValueOrDefault("native_library", backend.Info.Backend))}, {settings.Parallel} slot{(settings.Parallel == 1 ? "" : "s")}) at [blue]{TerminalText.Escape(server.BaseAddress.ToString())}[/]");
        console.MarkupLine("POST /v1/completions, POST /v1/chat/completions, GET /v1/models. Press Ctrl+C to stop.");
        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        console.MarkupLine("Stopped.");
        return ExitCodes.Ok;
    }
}
