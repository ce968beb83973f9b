using System.Reflection;
using System.Text.RegularExpressions;
using EvalKit.Core;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Internal;

/// <summary>
/// Rewords Spectre's parse errors for the command that was being parsed: an unknown option gets the nearest
/// option the command has ("did you mean --max-regression?"), a value that does not convert names its option and
/// the kind of value expected, an extra argument names the command. Every one is bad input (exit 2).
/// </summary>
internal static partial class CommandLineErrors
{
    public static EvalKitException Explain(CommandAppException exception, IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> settingsByCommand)
    {
        var (command, settings) = FindCommand(args, settingsByCommand);
        var usage = command is null ? "Run 'evalkit --help' for the commands." : $"Run 'evalkit {command} --help' for its options and examples.";
        if (UnknownOption().Match(exception.Message) is { Success: true } unknown && settings is not null)
        {
            var typed = args.FirstOrDefault(a => a.TrimStart('-').Split('=')[0] == unknown.Groups[1].Value && a.StartsWith('-'))?.Split('=')[0]
                ?? "--" + unknown.Groups[1].Value;
            var bare = typed.TrimStart('-');
            var nearest = bare.Length < 3 ? null : Nearest(bare, Options(settings).Select(o => o.Names[0]));
            return new EvalKitException(
                $"'evalkit {command}' has no option {typed}." + (nearest is null ? "" : $" Did you mean --{nearest}?"), usage, ErrorKind.BadInput, exception);
        }
        if (NoArgument().Match(exception.Message) is { Success: true } extra && command is not null)
            return new EvalKitException($"Unexpected argument '{extra.Groups[1].Value}' for 'evalkit {command}'.", usage, ErrorKind.BadInput, exception);
        if (NotConverted().Match(exception.Message) is { Success: true } failed)
        {
            var value = failed.Groups[1].Value;
            var option = settings is null ? null : OptionTakingValue(args, value, Options(settings));
            return new EvalKitException(option is null
                ? $"'{value}' is not a valid value here."
                : $"--{option.Value.Names[0]} expects {Expected(option.Value.Type)}, got '{value}'.", usage, ErrorKind.BadInput, exception);
        }
        return new EvalKitException(exception.Message.TrimEnd(), usage, ErrorKind.BadInput, exception);
    }

    /// <summary>The long names (without dashes) of every option the settings type declares, hidden ones left out.</summary>
    public static IReadOnlyList<(string[] Names, string[] Short, Type Type)> Options(Type settings) =>
        [.. from property in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let attribute = property.GetCustomAttribute<CommandOptionAttribute>()
            where attribute is { IsHidden: false } && attribute.LongNames.Count > 0
            select (attribute.LongNames.ToArray(), attribute.ShortNames.ToArray(), property.PropertyType)];

    /// <summary>The closest name by edit distance, when it is close enough to be a typo.</summary>
    public static string? Nearest(string typed, IEnumerable<string> names) =>
        names.Select(name => (Name: name, Distance: EditDistance(typed, name)))
            .Where(x => x.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).FirstOrDefault();

    private static (string? Command, Type? Settings) FindCommand(IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> settingsByCommand)
    {
        if (args.Count >= 2 && settingsByCommand.TryGetValue($"{args[0]} {args[1]}", out var nested))
            return ($"{args[0]} {args[1]}", nested);
        if (args.Count >= 1 && settingsByCommand.TryGetValue(args[0], out var top))
            return (args[0], top);
        return (null, null);
    }

    private static (string[] Names, string[] Short, Type Type)? OptionTakingValue(
        IReadOnlyList<string> args, string value, IReadOnlyList<(string[] Names, string[] Short, Type Type)> options)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var (name, given) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], i + 1 < args.Count ? args[i + 1] : null);
            if (given != value || !name.StartsWith('-'))
                continue;
            var bare = name.TrimStart('-');
            foreach (var option in options)
            {
                if (name.StartsWith("--", StringComparison.Ordinal) ? option.Names.Contains(bare) : option.Short.Contains(bare))
                    return option;
            }
        }
        return null;
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(uint) || t == typeof(ulong) => "a whole number",
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t.IsEnum => "one of " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant())),
        _ => "a different value",
    };

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"^Unknown option '([^']*)'")]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"^Could not match '(.*)' with an argument")]
    private static partial Regex NoArgument();

    [GeneratedRegex(@"^Failed to convert '(.*)' to ")]
    private static partial Regex NotConverted();
}
