using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Typed reads of YAML values; each reports a located problem and returns null when the value is unusable.</summary>
internal static class YamlValues
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"'{Shorten(scalar.Value ?? "")}'",
        _ => "an alias",
    };

    public static string? Text(YamlNode node, string name, DiagnosticBag bag)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
            return scalar.Value ?? "";
        bag.Add(node, $"'{name}' must be text, got {Describe(node)}");
        return null;
    }

    /// <summary>A list of texts; a single text is accepted as a one-item list when <paramref name="single"/> is set.</summary>
    public static IReadOnlyList<string>? TextList(YamlNode node, string name, bool single, DiagnosticBag bag)
    {
        if (single && node is YamlScalarNode && !IsNull(node))
            return [Text(node, name, bag)!];
        if (node is not YamlSequenceNode list)
        {
            var expected = single ? "text or a list of texts" : "a list of texts";
            bag.Add(node, $"'{name}' must be {expected}, got {Describe(node)}");
            return null;
        }
        var items = new List<string>();
        var ok = true;
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode scalar && !IsNull(item))
                items.Add(scalar.Value ?? "");
            else
            {
                bag.Add(item, $"each item of '{name}' must be text, got {Describe(item)}");
                ok = false;
            }
        }
        return ok ? items : null;
    }

    public static int? PositiveInt(YamlNode node, string name, DiagnosticBag bag)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node)
            && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (number > 0)
                return number;
            bag.Add(node, $"'{name}' must be greater than 0, got {number}");
            return null;
        }
        bag.Add(node, $"'{name}' must be a whole number greater than 0, got {Describe(node)}");
        return null;
    }

    public static uint? UnsignedInt(YamlNode node, string name, DiagnosticBag bag)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node)
            && uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        bag.Add(node, $"'{name}' must be a whole number from 0 to {uint.MaxValue}, got {Describe(node)}");
        return null;
    }

    /// <summary>A finite number; <paramref name="range"/> describes the allowed values for the message.</summary>
    public static float? Number(YamlNode node, string name, Func<double, bool> allowed, string range, DiagnosticBag bag)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            if (allowed(number))
                return (float)number;
            bag.Add(node, $"'{name}' must be {range}, got {value}");
            return null;
        }
        bag.Add(node, $"'{name}' must be a number {range}, got {Describe(node)}");
        return null;
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings("\\n");
        return oneLine.Length <= 40 ? oneLine : oneLine[..40] + "…";
    }
}
