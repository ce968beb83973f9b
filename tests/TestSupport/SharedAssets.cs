namespace EvalKit.TestSupport;

/// <summary>
/// Locates the read-only <c>../shared</c> folder (tiny GGUF models, public datasets) that sits
/// beside the checkout. Under CI=true a missing folder fails the test loudly instead of skipping.
/// </summary>
public static class SharedAssets
{
    private static readonly Lazy<string?> _root = new(FindRoot);

    public static string Root => _root.Value ?? throw new InvalidOperationException(
        "../shared was not found beside the checkout (looked upwards from " + AppContext.BaseDirectory +
        "). Tests that use real models and datasets need it; set EVALKIT_SHARED to its path.");

    public static string Model(string fileName) => Require(Path.Combine(Root, "models", fileName));

    public static string Dataset(string relativePath) => Require(Path.Combine(Root, "datasets", relativePath));

    public static string Stories260K => Model("stories260K.gguf");

    private static string Require(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared test asset missing: {path}", path);

    private static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EVALKIT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
            return Directory.Exists(fromEnv) ? fromEnv : null;
        var beside = Path.Combine(Path.GetDirectoryName(RepositoryPaths.Root)!, "shared");
        return Directory.Exists(beside) ? beside : null;
    }
}
