using System.Text.RegularExpressions;
using EvalKit.Core.Internal;
using EvalKit.Core.Kinds;
using EvalKit.Core.Scoring;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Turns a suite file's root node into a <see cref="Suite"/>, reporting every problem on the way.</summary>
internal static partial class SuiteBuilder
{
    private static readonly string[] _keys = ["id", "kind", "description", "defaults", "scorer", "judge", "cases", "dataset", "format", "fewshot"];

    /// <summary>
    /// The suite (null when anything is wrong), its id node, which is known even when other parts are wrong,
    /// and the dataset files its cases were imported from (for the digest).
    /// </summary>
    public static (Suite? Suite, YamlScalarNode? IdNode, IReadOnlyList<string> DatasetFiles) Build(
        YamlNode root, DiagnosticBag bag, SuiteLoadOptions options)
    {
        if (YamlFields.Read(root, "the suite", _keys, bag) is not { } fields)
            return (null, null, []);
        var before = bag.Count;
        var idNode = fields.Required("id", bag, "add 'id: my-suite' (lowercase letters, digits, '.', '_', '-')");
        var id = idNode is null ? null : ReadId(idNode, bag);
        var kindNode = fields.Required("kind", bag, $"add 'kind:' with one of: {string.Join(", ", options.Kinds.Names)}");
        var kind = kindNode is null ? null : ReadKind(kindNode, options.Kinds, bag);
        var description = fields.Optional("description") is { } d ? YamlValues.Text(d, "description", bag) : "";
        var defaults = fields.Optional("defaults") is { } n ? DefaultsBuilder.Build(n, bag) : new GenerationDefaults();
        var scorer = fields.Optional("scorer") is { } s ? ScorerBuilder.Build(s, bag) : ScorerSpec.Default;
        var judge = fields.Optional("judge") is { } j ? JudgeBuilder.Build(j, bag) : null;
        if (scorer?.Option(ScorerCatalog.Judge) is { } judgeModel)
        {
            if (fields.Optional("judge") is { } both)
                bag.Add(both, "the suite names a judge twice: in 'judge:' and in the scorer's 'judge' option", "keep one of them");
            judge = JudgeSpec.ForRefusals(judgeModel.Trim());
        }
        var formatNode = fields.Optional("format");
        var format = formatNode is null ? null : FormatBuilder.Format(formatNode, bag);
        var fewShot = fields.Optional("fewshot") is { } f ? FormatBuilder.FewShot(f, bag) : null;
        var datasetNode = fields.Optional("dataset");
        var casesNode = datasetNode is null
            ? fields.Required("cases", bag, "add 'cases:' with at least one case (id plus prompt or messages), or 'dataset:' to import them")
            : fields.Optional("cases");
        var cases = casesNode is null ? [] : CaseBuilder.BuildAll(casesNode, scorer, bag);
        var imported = datasetNode is null ? new DatasetBuilder.Imported([], []) : DatasetBuilder.Build(datasetNode, scorer, options, bag);
        if (imported.Cases.Count > 0)
            cases = Merge(cases, imported.Cases, datasetNode!, bag);
        if (formatNode is not null)
            FormatBuilder.CheckRaw(format, cases, formatNode, bag);
        var validIdNode = id is null ? null : (YamlScalarNode)idNode!;
        if (bag.Count != before || id is null || kind is null)
            return (null, validIdNode, imported.Files);
        var suite = new Suite
        {
            Id = id,
            Kind = kind,
            Description = description ?? "",
            Defaults = defaults,
            Scorer = scorer!,
            Judge = judge,
            Format = format,
            FewShot = fewShot,
            Cases = cases,
        };
        return (suite, validIdNode, imported.Files);
    }

    /// <summary>Inline cases first, then the dataset's; an id used by both is reported once per id.</summary>
    private static IReadOnlyList<EvalCase> Merge(IReadOnlyList<EvalCase> inline, IReadOnlyList<EvalCase> imported, YamlNode datasetNode, DiagnosticBag bag)
    {
        var inlineIds = inline.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var clash in imported.Where(c => inlineIds.Contains(c.Id)))
            bag.Add(datasetNode, $"dataset case id '{clash.Id}' is also used by an inline case", "case ids must be unique within a suite; rename the inline case");
        return [.. inline, .. imported];
    }

    private static string? ReadId(YamlNode node, DiagnosticBag bag)
    {
        if (YamlValues.Text(node, "id", bag) is not { } id)
            return null;
        if (IdPattern().IsMatch(id))
            return id;
        var fixedId = InvalidIdChars().Replace(id.ToLowerInvariant(), "-").Trim('-');
        bag.Add(node, $"suite id '{id}' may only use lowercase letters, digits, '.', '_' and '-'",
            fixedId.Length > 0 ? $"for example '{fixedId}'" : "for example 'my-suite'");
        return null;
    }

    private static SuiteKind? ReadKind(YamlNode node, SuiteKindCatalog catalog, DiagnosticBag bag)
    {
        if (YamlValues.Text(node, "kind", bag) is not { } kind)
            return null;
        if (catalog.Find(kind) is { } found)
            return found.Id;
        bag.Add(node, $"unknown kind '{kind}'.{Suggestions.DidYouMean(kind, catalog.Names)}", $"kinds: {string.Join(", ", catalog.Names)}");
        return null;
    }

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex InvalidIdChars();
}
