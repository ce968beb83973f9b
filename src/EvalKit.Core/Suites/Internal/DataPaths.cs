namespace EvalKit.Core.Suites.Internal;

/// <summary>
/// Resolves a suite's dataset path: relative to the suite file's folder, else (for a relative path that is not there)
/// to each data root in turn. The result must lie inside the suite's folder or a data root, so a suite from elsewhere
/// cannot read arbitrary files through <c>..</c> or an absolute path.
/// </summary>
internal static class DataPaths
{
    private static readonly StringComparison _pathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The full path, or null with <paramref name="error"/> saying why the path is refused.</summary>
    public static string? Resolve(string path, string suiteFile, SuiteLoadOptions options, out string? error)
    {
        error = null;
        var suiteFolder = Path.GetDirectoryName(Path.GetFullPath(suiteFile))!;
        var roots = options.DataRoots.Where(r => r.Length > 0).Select(r => Path.GetFullPath(r)).ToList();
        var candidates = new List<string> { Path.GetFullPath(Path.Combine(suiteFolder, path)) };
        if (!Path.IsPathRooted(path))
            candidates.AddRange(roots.Select(root => Path.GetFullPath(Path.Combine(root, path))));
        var allowed = candidates.Where(c => Inside(c, suiteFolder) || roots.Any(root => Inside(c, root))).ToList();
        if (allowed.Count == 0)
        {
            error = $"dataset path '{path}' leads outside the suite's folder (to {candidates[0]})";
            return null;
        }
        return allowed.FirstOrDefault(c => File.Exists(c) || Directory.Exists(c)) ?? allowed[0];
    }

    private static bool Inside(string path, string root)
    {
        var folder = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.Equals(root, _pathComparison) || path.StartsWith(folder, _pathComparison);
    }
}
