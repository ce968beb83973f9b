using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Internal;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>Every dataset importer, looked up by the format name a suite's <c>dataset.format</c> or <c>evalkit import</c> gives.</summary>
public static class DatasetFormats
{
    private static readonly IDatasetImporter[] _importers =
    [
        new Gsm8kImporter(),
        new MmluImporter(),
        new ArcImporter(),
        new HumanEvalImporter(),
        new MbppImporter(),
        new TruthfulQaImporter(),
        new TruthfulQaMcImporter(),
        new HaluEvalImporter(),
        new BbqImporter(),
        new CrowsPairsImporter(),
        new CrowsPairsImporter(logLikelihood: true),
        new XsTestImporter(),
        new DeccpImporter(),
        new CcpSensitiveImporter(),
        new JsonLinesImporter(),
        new CsvImporter(),
    ];

    public static IReadOnlyList<IDatasetImporter> All => _importers;

    /// <summary>These formats as the catalog suite loading reads (<see cref="DatasetRegistry.Register"/>).</summary>
    public static IDatasetCatalog Catalog { get; } = new FormatCatalog();

    public static IReadOnlyList<string> Names { get; } = [.. _importers.Select(i => i.Format)];

    public static IDatasetImporter? Find(string format) => _importers.FirstOrDefault(i => i.Format == format);

    /// <exception cref="EvalKitException">No importer has that name; the message suggests the closest one.</exception>
    public static IDatasetImporter Get(string format) =>
        Find(format) ?? throw new EvalKitException(UnknownFormat(format), $"Formats: {string.Join(", ", Names)}.");

    /// <summary>"unknown dataset format 'x'. Did you mean 'y'?"</summary>
    public static string UnknownFormat(string format) =>
        $"unknown dataset format '{format}'.{Suggestions.DidYouMean(format, Names)}";

    /// <summary>
    /// Imports <paramref name="path"/> with the named format, then keeps <see cref="DatasetImportOptions.Sample"/>
    /// cases picked with <see cref="DatasetImportOptions.Seed"/> (the same seed always picks the same cases).
    /// </summary>
    /// <exception cref="EvalKitException">Unknown format, bad options, or a file that cannot be read.</exception>
    public static DatasetImportResult Import(string format, string path, DatasetImportOptions options)
    {
        var importer = Get(format);
        if (options.Limit is <= 0)
            throw Errors.BadOption("limit", options.Limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a whole number greater than 0");
        if (options.Sample is <= 0)
            throw Errors.BadOption("sample", options.Sample.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a whole number greater than 0");
        if (importer.NeedsMapping && options.Mapping is null)
            throw MappingRequired(format);
        if (options.FewShot is <= 0)
            throw Errors.BadOption("fewshot", options.FewShot.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a whole number greater than 0");
        var result = importer.Import(path, options);
        result = options.Sample is { } n ? result with { Cases = SeededSampler.Pick(result.Cases, n, options.Seed) } : result;
        if (options.FewShot is not null)
        {
            var (cases, spec) = FewShotBuilder.Apply(importer, path, result.Cases, options);
            return result with { Cases = cases, FewShot = spec };
        }
        return options.Chat ? result with { Cases = [.. result.Cases.Select(AsChat)] } : result;
    }

    /// <summary>A raw case as one user turn (no system prompt: the suite may give one).</summary>
    private static EvalCase AsChat(EvalCase evalCase) =>
        evalCase.Prompt is { } prompt ? evalCase with { Prompt = null, Messages = [new ChatMessage("user", prompt)] } : evalCase;

    internal static EvalKitException MappingRequired(string format) => new(
        $"Dataset format '{format}' needs a column mapping.",
        "Say which fields hold what, for example mapping: {prompt: question, expected: answer, id: qid, tags: [category]}.");
}
