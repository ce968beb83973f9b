using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary><see cref="DatasetFormats"/> as the <see cref="IDatasetCatalog"/> suite loading reads.</summary>
internal sealed class FormatCatalog : IDatasetCatalog
{
    public IReadOnlyList<string> Names => DatasetFormats.Names;

    public IDatasetImporter? Find(string format) => DatasetFormats.Find(format);

    public DatasetImportResult Import(string format, string path, DatasetImportOptions options) => DatasetFormats.Import(format, path, options);
}
