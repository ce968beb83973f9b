namespace EvalKit.Core.Caching;

/// <summary>
/// The folder of the machine-wide caches: the response cache (<c>EvalKit.Caching.ResponseCache</c>) and the model hash
/// memo (<see cref="ModelIdentity"/>).
/// </summary>
public static class CacheLocation
{
    public const string DirectoryVariable = "EVALKIT_CACHE_DIR";

    /// <summary><paramref name="directory"/> when given, else <c>$EVALKIT_CACHE_DIR</c>, else <c>.cache</c> under the working directory.</summary>
    public static string Directory(string? directory = null) =>
        directory ?? (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(System.IO.Directory.GetCurrentDirectory(), ".cache"));
}
