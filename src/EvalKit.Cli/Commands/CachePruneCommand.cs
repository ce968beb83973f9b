using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Caching;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit cache prune</c>: deletes cached answers by age, by model, or all of them.</summary>
public sealed partial class CachePruneCommand(IAnsiConsole console) : Command<CachePruneCommand.Settings>
{
    public sealed class Settings : CacheSettings
    {
        [CommandOption("--older-than <AGE>")]
        [Description("Delete answers generated longer ago than AGE: a number with d (days), h (hours) or w (weeks), e.g. 30d.")]
        public string? OlderThan { get; init; }

        [CommandOption("--model <SHA>")]
        [Description("Delete the answers of one model: its SHA-256 (or a prefix of it) or identity as 'evalkit cache stats' shows it.")]
        public string? Model { get; init; }

        [CommandOption("--all")]
        [Description("Delete every cached answer.")]
        public bool All { get; init; }

        public override ValidationResult Validate()
        {
            if (All && (OlderThan is not null || Model is not null))
                return ValidationResult.Error("--all deletes everything; leave out --older-than and --model, or leave out --all.");
            if (!All && OlderThan is null && Model is null)
                return ValidationResult.Error("Say what to delete: --older-than 30d, --model SHA, or --all.");
            if (OlderThan is not null && ParseAge(OlderThan) is null)
                return ValidationResult.Error($"--older-than takes a number and a unit (d, h or w), e.g. 30d, not '{OlderThan}'.");
            if (Model is { Length: < 6 })
                return ValidationResult.Error("--model needs at least 6 characters of the identity, so one model is not mistaken for another.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.CachePath))
        {
            console.MarkupLine($"No response cache at {TerminalText.Escape(settings.CachePath)}; nothing to delete.");
            return ExitCodes.Ok;
        }
        using var cache = ResponseCache.Open(settings.CachePath);
        var before = settings.OlderThan is null ? (DateTimeOffset?)null : DateTimeOffset.UtcNow - ParseAge(settings.OlderThan)!.Value;
        var deleted = cache.Prune(before, settings.Model);
        console.MarkupLine($"Deleted {deleted.ToString("N0", CultureInfo.InvariantCulture)} cached answer(s) from {TerminalText.Escape(cache.Path)}; " +
            $"{cache.Statistics().Entries.ToString("N0", CultureInfo.InvariantCulture)} left.");
        return ExitCodes.Ok;
    }

    private static TimeSpan? ParseAge(string text)
    {
        var match = AgePattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var count))
            return null;
        return match.Groups[2].Value.ToLowerInvariant() switch
        {
            "h" => TimeSpan.FromHours(count),
            "d" => TimeSpan.FromDays(count),
            _ => TimeSpan.FromDays(7.0 * count),
        };
    }

    [GeneratedRegex(@"^(\d{1,6})\s*([dhwDHW])$")]
    private static partial Regex AgePattern();
}
