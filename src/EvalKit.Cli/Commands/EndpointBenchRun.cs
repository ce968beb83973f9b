using EvalKit.Bench;
using EvalKit.Bench.Load;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Results;
using Spectre.Console;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit bench --endpoint</c>: the load sweep against the endpoint, then the generator's own ceiling against the
/// in-process loopback server (or only that, for <c>--endpoint loopback</c>), written to bench.json and printed.
/// </summary>
internal sealed class EndpointBenchRun(IAnsiConsole console, BenchCommand.Settings settings)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var options = settings.ToLoadOptions();
        var levels = options.RequestRates is { } rates
            ? $"request rate {string.Join(",", rates.Select(LoadSweepTable.Rate))}/s (burstiness {options.Burstiness.ToString(System.Globalization.CultureInfo.InvariantCulture)})"
            : $"concurrency {string.Join(",", options.Concurrency)}";
        EndpointBench endpoint;
        if (settings.IsLoopback)
        {
            console.MarkupLine(TerminalText.Escape($"measuring the load generator's ceiling: in-process loopback server, {levels}, {options.RequestsPerLevel} requests per level, max_tokens {options.MaxTokens} ..."));
            endpoint = await LoadSweepProgress.RunAsync(console, progress => LoadSweep.RunLoopbackAsync(options, progress, cancellationToken));
        }
        else
        {
            console.MarkupLine(TerminalText.Escape($"sweeping {options.Endpoint} (model {options.Model}): {levels}, {options.RequestsPerLevel} requests per level, {options.PromptWords}-word prompts, max_tokens {options.MaxTokens} ..."));
            endpoint = await LoadSweepProgress.RunAsync(console, progress => LoadSweep.RunAsync(options, progress, cancellationToken));
            if (settings.CeilingRequests > 0)
            {
                console.MarkupLine(TerminalText.Escape($"measuring the load generator's ceiling (same sweep, in-process loopback server, {settings.CeilingRequests} requests per level) ..."));
                var ceiling = await LoadSweepProgress.RunAsync(console, progress =>
                    LoadSweep.RunLoopbackAsync(options with { RequestsPerLevel = settings.CeilingRequests }, progress, cancellationToken));
                endpoint = endpoint with { GeneratorCeiling = ceiling };
            }
        }

        var report = new BenchReport
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            EvalkitVersion = EvalKitVersion.Current,
            Host = HostInfo.Current(),
            Gpu = GpuInfo.Detect(),
            Endpoint = endpoint,
        };
        var folder = BenchReportFile.Write(report, settings.Out);
        console.Write(LoadSweepTable.Create(endpoint));
        var reconnects = endpoint.Levels.Sum(l => l.Reconnects);
        if (reconnects > 0)
            console.MarkupLine(TerminalText.Escape($"{reconnects} request(s) met a connection the server had closed while idle and were sent again on a new one (reconnects; not failures)."));
        var failed = endpoint.Levels.Sum(l => l.Failed);
        if (failed > 0)
            console.MarkupLine(TerminalText.Escape($"{failed} request(s) failed: " + string.Join(" | ", endpoint.Levels.SelectMany(l => l.Errors).Distinct().Take(3))));
        console.MarkupLine(TerminalText.Escape($"load generator on {report.Host.Cpu}, {report.Host.LogicalCores} cores; GPU: {report.Gpu?.Name ?? "none"}"));
        console.MarkupLine($"wrote [blue]{TerminalText.Escape(Path.Combine(folder, BenchReportFile.FileName))}[/]");
        return ExitCodes.Ok;
    }
}
