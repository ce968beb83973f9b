using System.Runtime.CompilerServices;

namespace EvalKit.Core;

/// <summary>
/// The text of an error or hint, with the <see cref="Setting"/>s and <see cref="Operation"/>s it names kept as such, so
/// each front end words them its own way (<see cref="Render"/>): <c>$"Pass a new folder with {Setting.OutputFolder}."</c>
/// reads "Pass a new folder with --out." in the CLI. <see cref="ToString"/> words them neutrally (<c>output_folder</c>,
/// <c>run</c>). A plain string converts to an <see cref="ErrorText"/> with nothing to word.
/// </summary>
[InterpolatedStringHandler]
public sealed class ErrorText
{
    private readonly List<object> _parts = [];

    /// <summary>Used by the compiler for <c>$"..."</c> given where an <see cref="ErrorText"/> is expected.</summary>
    public ErrorText(int literalLength, int formattedCount)
    {
    }

    private ErrorText(IEnumerable<object> parts) => _parts.AddRange(parts);

    /// <summary>The settings and operations named, in order.</summary>
    public IEnumerable<Enum> Terms => _parts.OfType<Enum>();

    public void AppendLiteral(string text) => _parts.Add(text);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        if (value is Setting or Operation)
            _parts.Add(value);
        else if (value is ErrorText text)
            _parts.AddRange(text._parts);
        else
            _parts.Add(value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString() ?? "");
    }

    public void AppendFormatted<T>(T value, int alignment, string? format = null)
    {
        var start = _parts.Count;
        AppendFormatted(value, format);
        if (start == _parts.Count - 1 && _parts[start] is string text)
            _parts[start] = alignment < 0 ? text.PadRight(-alignment) : text.PadLeft(alignment);
    }

    /// <summary>The text with each setting and operation worded by <paramref name="word"/>.</summary>
    public string Render(Func<Enum, string> word) => string.Concat(_parts.Select(part => part as string ?? word((Enum)part)));

    /// <summary>The text with settings and operations worded neutrally, as their names in snake_case.</summary>
    public override string ToString() => Render(Neutral);

    public static implicit operator ErrorText(string text) => new([text]);

    public static ErrorText Join(string separator, IEnumerable<ErrorText> texts) =>
        new(texts.SelectMany((text, i) => i == 0 ? text._parts : [separator, .. text._parts]));

    private static string Neutral(Enum term) =>
        string.Concat(term.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
