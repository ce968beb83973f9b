using System.Text.Json.Serialization;
using EvalKit.Core.Suites.Internal;

namespace EvalKit.Core.Suites;

/// <summary>
/// What question a suite answers, by name (<c>kind:</c> in a suite file, <c>kind</c> in run.json and metrics.json).
/// Its definition (default metric, kind metrics) is in <see cref="Kinds.SuiteKindCatalog"/>; the built-in names are
/// here for code that builds suites.
/// </summary>
[JsonConverter(typeof(SuiteKindJsonConverter))]
public sealed record SuiteKind
{
    public SuiteKind(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public static SuiteKind Accuracy { get; } = new("accuracy");
    public static SuiteKind Hallucination { get; } = new("hallucination");
    public static SuiteKind Bias { get; } = new("bias");
    public static SuiteKind Censorship { get; } = new("censorship");
    public static SuiteKind Custom { get; } = new("custom");

    public string Name { get; }

    public override string ToString() => Name;
}
