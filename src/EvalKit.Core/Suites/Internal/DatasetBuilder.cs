using EvalKit.Core.Datasets;
using EvalKit.Core.Internal;
using EvalKit.Core.Scoring;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>
/// Reads the <c>dataset</c> section, checks its path against the allowed roots, and imports its cases with the
/// registered <see cref="DatasetRegistry.Catalog"/>.
/// </summary>
internal static class DatasetBuilder
{
    private static readonly string[] _keys = ["path", "format", "limit", "sample", "seed", "mapping"];

    public sealed record Imported(IReadOnlyList<EvalCase> Cases, IReadOnlyList<string> Files);

    public static Imported Build(YamlNode node, ScorerSpec? scorer, SuiteLoadOptions options, DiagnosticBag bag)
    {
        var none = new Imported([], []);
        if (YamlFields.Read(node, "dataset", _keys, bag) is not { } fields)
            return none;
        var before = bag.Count;
        var pathNode = fields.Required("path", bag, "add 'path:' with the dataset file, relative to this suite file");
        var formatNode = fields.Required("format", bag, $"add 'format:' with one of: {string.Join(", ", Names)}");
        var importer = formatNode is not null && YamlValues.Text(formatNode, "format", bag) is { } name ? Find(name, formatNode, bag) : null;
        var datasetOptions = new DatasetImportOptions
        {
            Limit = fields.Optional("limit") is { } l ? YamlValues.PositiveInt(l, "limit", bag) : null,
            Sample = fields.Optional("sample") is { } s ? YamlValues.PositiveInt(s, "sample", bag) : null,
            Seed = fields.Optional("seed") is { } seed ? YamlValues.UnsignedInt(seed, "seed", bag) ?? 0 : 0,
            Mapping = fields.Optional("mapping") is { } m ? MappingBuilder.Build(m, bag) : null,
        };
        if (fields.Key("seed") is { } seedKey && fields.Key("sample") is null)
            bag.Add(seedKey, "'seed' does nothing without 'sample'", "add 'sample: N' to pick N cases with this seed, or remove 'seed'");
        if (importer is not null && importer.NeedsMapping != (datasetOptions.Mapping is not null || fields.Key("mapping") is not null))
            bag.Add(fields.Key("mapping") ?? (YamlNode)fields.Map, importer.NeedsMapping
                ? $"dataset format '{importer.Format}' needs a 'mapping'"
                : $"dataset format '{importer.Format}' reads its own fields and takes no 'mapping'",
                importer.NeedsMapping ? "for example: mapping: {prompt: question, expected: answer, id: qid, tags: [category]}" : "remove 'mapping'");
        var path = pathNode is not null && YamlValues.Text(pathNode, "path", bag) is { } p ? ResolvePath(p, pathNode, options, bag) : null;
        if (bag.Count != before || importer is null || path is null)
            return none;
        return Import(importer.Format, path, datasetOptions, scorer, pathNode!, node, bag) ?? none;
    }

    private static Imported? Import(string format, string path, DatasetImportOptions options, ScorerSpec? scorer,
        YamlNode pathNode, YamlNode node, DiagnosticBag bag)
    {
        DatasetImportResult result;
        try
        {
            result = DatasetRegistry.Catalog!.Import(format, path, options);
        }
        catch (EvalKitException e)
        {
            bag.Add(pathNode, e.Message, e.Hint);
            return null;
        }
        foreach (var problem in result.Problems)
            bag.Add(pathNode, $"dataset row {problem}", "fix or remove the row (importing the dataset as a suite leaves bad rows out)");
        if (result.Cases.Count == 0 && result.Problems.Count == 0)
            bag.Add(pathNode, $"the dataset {path} holds no rows");
        if (scorer is not null)
        {
            foreach (var evalCase in result.Cases)
            {
                foreach (var problem in ScorerCatalog.CaseProblems(scorer, evalCase))
                    bag.Add(node, $"dataset case '{evalCase.Id}' cannot be scored by '{scorer.Type}': {problem}");
            }
        }
        return new Imported(result.Cases, result.Files);
    }

    private static IDatasetImporter? Find(string name, YamlNode node, DiagnosticBag bag)
    {
        if (DatasetRegistry.Catalog?.Find(name) is { } importer)
            return importer;
        bag.Add(node, $"unknown dataset format '{name}'.{Suggestions.DidYouMean(name, Names)}",
            Names.Count > 0 ? $"formats: {string.Join(", ", Names)}" : "this program reads no dataset formats");
        return null;
    }

    private static IReadOnlyList<string> Names => DatasetRegistry.Catalog?.Names ?? [];

    private static string? ResolvePath(string path, YamlNode node, SuiteLoadOptions options, DiagnosticBag bag)
    {
        if (DataPaths.Resolve(path, bag.File, options, out var error) is { } resolved)
            return resolved;
        bag.Add(node, error!, $"keep datasets inside the suite's folder, or allow their folder with {SuiteLoadOptions.DataRootVariable}=/path/to/datasets "
            + $"(several separated by '{Path.PathSeparator}')");
        return null;
    }
}
