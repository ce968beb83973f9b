namespace EvalKit.TestSupport;

/// <summary>Paths inside this checkout (suites, fixtures specs), found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EvalKit.sln")))
                return dir.FullName;
        throw new InvalidOperationException("EvalKit.sln not found above " + AppContext.BaseDirectory);
    }
}
