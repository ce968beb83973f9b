using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>
/// Parses suite text into one YAML node tree. A streaming pre-pass refuses anchors, aliases and deep nesting
/// before the tree is built, so alias bombs cannot expand and the recursive tree builder cannot overflow the stack.
/// </summary>
internal static class YamlLoader
{
    public const int MaxDepth = 32;

    private const string SyntaxHint = "check the indentation and quoting on this line and the one above";

    public static YamlNode? LoadRoot(string text, DiagnosticBag bag)
    {
        if (!PreScan(text, bag))
            return null;
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        if (!Guard(scanner, bag, () => stream.Load(new Parser(scanner))))
            return null;
        if (stream.Documents.Count == 0)
        {
            bag.AddAt(1, 1, "the file holds no YAML content", "a suite needs at least 'id', 'kind' and 'cases'; see docs/suites.md");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            bag.Add(stream.Documents[1].RootNode, "a suite file holds one YAML document, but this file has more ('---')",
                "put each suite in its own file");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static bool PreScan(string text, DiagnosticBag bag)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var depth = 0;
        var clean = true;
        var scanned = Guard(scanner, bag, () =>
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
                {
                    bag.Add(current.Start, "anchors and aliases are not supported in suites; write the value out");
                    clean = false;
                }
                if (current is MappingEnd or SequenceEnd)
                    depth--;
                else if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    bag.Add(current.Start, $"the YAML is nested more than {MaxDepth} levels deep",
                        "a suite needs about 5 levels; flatten the structure");
                    clean = false;
                    return;
                }
            }
        });
        return scanned && clean;
    }

    /// <summary>Runs a YamlDotNet parse, turning its exceptions into located diagnostics.</summary>
    private static bool Guard(Scanner scanner, DiagnosticBag bag, Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (YamlException e)
        {
            bag.Add(e.Start, $"YAML error: {e.Message}", SyntaxHint);
        }
        // YamlDotNet's scanner throws plain exceptions on some malformed input (found by fuzzing, e.g. '---' inside
        // a flow map); it is still bad content, so report it where the scanner stopped rather than crash.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            bag.Add(scanner.CurrentPosition, "YAML error: the file could not be parsed here", SyntaxHint);
        }
        return false;
    }
}
