namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads every suite named by a list of files and folders, checking ids across files.</summary>
internal static class SuiteSet
{
    private static readonly EnumerationOptions _recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    public static (IReadOnlyList<Suite> Suites, IReadOnlyList<SuiteDiagnostic> Diagnostics) Read(IEnumerable<string> paths, SuiteLoadOptions options)
    {
        var diagnostics = new List<SuiteDiagnostic>();
        var suites = new List<Suite>();
        var firstUse = new Dictionary<string, SuiteDiagnostic>(StringComparer.Ordinal);
        foreach (var file in Expand(paths, diagnostics))
        {
            var result = SuiteReader.ReadFile(file, options);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Suite is not null)
                suites.Add(result.Suite);
            if (result.IdNode is not { Value: { } id } node)
                continue;
            var here = new SuiteDiagnostic(file, (int)node.Start.Line, (int)node.Start.Column, "");
            if (firstUse.TryGetValue(id, out var first))
                diagnostics.Add(here with
                {
                    Message = $"suite id '{id}' is already used by {first.File}:{first.Line}:{first.Column}",
                    Hint = "suite ids must be unique across all suite files; rename one of them",
                });
            else
                firstUse[id] = here;
        }
        return (suites, diagnostics);
    }

    /// <summary>Files as given, and every *.yaml / *.yml below each folder, sorted by path; each file once.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> paths, List<SuiteDiagnostic> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IEnumerable<string> files;
            if (File.Exists(path))
                files = [path];
            else if (Directory.Exists(path))
            {
                files = Directory.EnumerateFiles(path, "*", _recursive)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (!files.Any())
                    diagnostics.Add(new SuiteDiagnostic(path, 0, 0, "the folder holds no .yaml or .yml files",
                        "point at a folder of suite files or at a single suite file"));
            }
            else
            {
                diagnostics.Add(new SuiteDiagnostic(path, 0, 0, "no such file or folder",
                    "check the path; give suite files (.yaml, .yml) or folders that hold them"));
                continue;
            }
            foreach (var file in files)
            {
                if (seen.Add(Path.GetFullPath(file)))
                    yield return file;
            }
        }
    }
}
