using System.Globalization;

namespace EvalKit.Cli.Commands;

/// <summary>Options that take comma-separated whole numbers, such as <c>--concurrency 1,2,4,8</c>.</summary>
internal static class NumberList
{
    /// <summary>The numbers of <paramref name="text"/>, or null when a part is not a whole number of at least <paramref name="minimum"/>.</summary>
    public static List<int>? Parse(string text, int minimum, int maximum = int.MaxValue)
    {
        var numbers = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum || number > maximum)
                return null;
            numbers.Add(number);
        }
        return numbers;
    }
}
