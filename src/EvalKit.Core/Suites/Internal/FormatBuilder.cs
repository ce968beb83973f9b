using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads a suite's <c>format:</c> and <c>fewshot:</c> sections.</summary>
internal static class FormatBuilder
{
    private static readonly string[] _formats = ["raw", "chat"];
    private static readonly string[] _fewShotKeys = ["k", "seed", "source"];

    public static SuiteFormat? Format(YamlNode node, DiagnosticBag bag)
    {
        if (YamlValues.Text(node, "format", bag) is not { } text)
            return null;
        if (Array.IndexOf(_formats, text) is var index and >= 0)
            return (SuiteFormat)index;
        bag.Add(node, $"unknown format '{text}'.{EvalKit.Core.Internal.Suggestions.DidYouMean(text, _formats)}",
            "format: chat sends every case as chat messages (a prompt becomes one user turn); format: raw says every case is a raw prompt");
        return null;
    }

    /// <summary>Under <c>format: raw</c> a chat case cannot be sent as written.</summary>
    public static void CheckRaw(SuiteFormat? format, IReadOnlyList<EvalCase> cases, YamlNode formatNode, DiagnosticBag bag)
    {
        if (format == SuiteFormat.Raw && cases.FirstOrDefault(c => c.Messages is not null) is { } chat)
            bag.Add(formatNode, $"format: raw, but case '{chat.Id}' has messages",
                "give every case a prompt, or remove 'format: raw' (or use format: chat)");
    }

    public static FewShotSpec? FewShot(YamlNode node, DiagnosticBag bag)
    {
        if (YamlFields.Read(node, "fewshot", _fewShotKeys, bag) is not { } fields)
            return null;
        var k = fields.Required("k", bag, "add 'k: N', the number of examples before each case") is { } kNode ? YamlValues.PositiveInt(kNode, "k", bag) : null;
        var seed = fields.Optional("seed") is { } seedNode ? YamlValues.UnsignedInt(seedNode, "seed", bag) : 0;
        var source = fields.Optional("source") is { } sourceNode ? YamlValues.Text(sourceNode, "source", bag) : "";
        return k is null || seed is null || source is null ? null : new FewShotSpec(k.Value, seed.Value, source);
    }
}
