using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace EvalKit.Cli.Commands;

/// <summary>
/// The range a numeric option accepts, checked by Spectre before the command runs (exit 2 with the option's name
/// and the range). Every numeric option carries one, so no value reaches llama.cpp or the network unchecked.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
// The message is left empty so Spectre reports the one Validate builds, which names the option and the value.
public sealed class BoundsAttribute(long min, long max) : ParameterValidationAttribute(errorMessage: "")
{
    public long Min { get; } = min;

    public long Max { get; } = max;

    public override ValidationResult Validate(CommandParameterContext context)
    {
        if (context.Value is null)
            return ValidationResult.Success();
        // Compared as double: a decimal cannot hold NaN, infinities or 1e300, which must be errors, not crashes.
        var value = Convert.ToDouble(context.Value, CultureInfo.InvariantCulture);
        if (value >= Min && value <= Max)
            return ValidationResult.Success();
        var name = context.Parameter is ICommandOption option && option.LongNames.Count > 0
            ? "--" + option.LongNames[0]
            : context.Parameter.PropertyName;
        return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {Min} and {Max}, got {value}."));
    }
}
