namespace EvalKit.Core.Datasets;

/// <summary>
/// The dataset formats a suite's <c>dataset:</c> section may name, and how a file of one is imported (its options
/// checked, sampled, turned into chat). Core has no importers of its own: the host registers a catalog once, at
/// start, with <see cref="DatasetRegistry.Register"/> (the CLI registers EvalKit.Datasets' formats).
/// </summary>
public interface IDatasetCatalog
{
    IReadOnlyList<string> Names { get; }

    IDatasetImporter? Find(string format);

    /// <exception cref="EvalKitException">Unknown format, bad options, or a file that cannot be read.</exception>
    DatasetImportResult Import(string format, string path, DatasetImportOptions options);
}
