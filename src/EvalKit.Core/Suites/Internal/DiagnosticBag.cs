using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Collects the problems found in one suite file, capped so that hostile input cannot flood memory.</summary>
internal sealed class DiagnosticBag(string file)
{
    public const int Limit = 100;

    private readonly List<SuiteDiagnostic> _items = [];
    private SuiteDiagnostic? _overflow;

    public string File => file;

    /// <summary>Every problem reported, including those past the cap.</summary>
    public int Count { get; private set; }

    public void Add(YamlNode node, string message, string? hint = null) => Add(node.Start, message, hint);

    public void Add(Mark at, string message, string? hint = null) =>
        AddAt(Clamp(at.Line), Clamp(at.Column), message, hint);

    public void AddAt(int line, int column, string message, string? hint = null)
    {
        Count++;
        if (_items.Count < Limit)
            _items.Add(new SuiteDiagnostic(file, line, column, message, hint));
        else
            _overflow ??= new SuiteDiagnostic(file, line, column, $"more than {Limit} problems; stopped listing them here");
    }

    /// <summary>The problems in file order; the overflow note, if any, comes last.</summary>
    public IReadOnlyList<SuiteDiagnostic> ToList()
    {
        var sorted = _items.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        if (_overflow is not null)
            sorted.Add(_overflow);
        return sorted;
    }

    private static int Clamp(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
