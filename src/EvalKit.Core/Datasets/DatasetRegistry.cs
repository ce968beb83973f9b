namespace EvalKit.Core.Datasets;

/// <summary>
/// Where suite loading finds dataset formats: the one <see cref="IDatasetCatalog"/> the host registered. Without
/// one, a suite's <c>dataset:</c> section is reported as naming an unknown format.
/// </summary>
public static class DatasetRegistry
{
    private static volatile IDatasetCatalog? _catalog;

    public static IDatasetCatalog? Catalog => _catalog;

    /// <summary>Makes <paramref name="catalog"/> the formats suites can name; registering the same catalog again changes nothing.</summary>
    public static void Register(IDatasetCatalog catalog) => _catalog = catalog;
}
