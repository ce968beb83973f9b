using System.Globalization;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Caching;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit cache stats</c>: how big the response cache is, how old, and which models fill it.</summary>
public sealed class CacheStatsCommand(IAnsiConsole console) : Command<CacheStatsCommand.Settings>
{
    public sealed class Settings : CacheSettings;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.CachePath))
        {
            console.MarkupLine($"No response cache at {TerminalText.Escape(settings.CachePath)} yet; 'evalkit run' creates it.");
            return ExitCodes.Ok;
        }
        using var cache = ResponseCache.Open(settings.CachePath);
        var stats = cache.Statistics();

        console.MarkupLine($"[bold]{TerminalText.Escape(stats.Path)}[/]");
        console.MarkupLine($"{stats.Entries.ToString("N0", CultureInfo.InvariantCulture)} cached answer(s), {Size(stats.SizeBytes)} on disk" +
            (stats.Oldest is { } oldest ? $", from {Time(oldest)} to {Time(stats.Newest!.Value)}" : "") + ".");
        if (stats.Models.Count == 0)
            return ExitCodes.Ok;
        var table = new Table().AddColumns("model identity", "last loaded from", "answers", "oldest", "newest");
        table.Columns[2].RightAligned();
        foreach (var model in stats.Models)
            table.AddRow(
                TerminalText.Escape(model.Identity), TerminalText.Escape(model.Source ?? "-"), model.Entries.ToString("N0", CultureInfo.InvariantCulture),
                Time(model.Oldest), Time(model.Newest));
        console.Write(table);
        return ExitCodes.Ok;
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => $"{bytes / 1024.0:F1} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):F1} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):F2} GiB",
    };
}
