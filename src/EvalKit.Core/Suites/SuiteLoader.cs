using System.Text;
using EvalKit.Core.Suites.Internal;

namespace EvalKit.Core.Suites;

/// <summary>
/// Loads and validates suite YAML files (format in docs/suites.md). Every problem in every file is collected
/// and reported at once, each located at file:line:column, before any model is loaded. A suite's <c>dataset</c> is
/// imported while loading; the optional <see cref="SuiteLoadOptions"/> (default: from <c>EVALKIT_DATA</c>) say
/// which folders besides the suite's own it may read.
/// </summary>
public static class SuiteLoader
{
    /// <summary>Loads one suite file.</summary>
    /// <exception cref="SuiteValidationException">The file is missing, unreadable or invalid; holds all its problems.</exception>
    public static Suite LoadFile(string path, SuiteLoadOptions? options = null) =>
        OrThrow(SuiteReader.ReadFile(path, options ?? SuiteLoadOptions.FromEnvironment()));

    /// <summary>Loads a suite from YAML text; <paramref name="fileName"/> names it in diagnostics and becomes its source path.</summary>
    /// <exception cref="SuiteValidationException">The text is not a valid suite; holds all its problems.</exception>
    public static Suite Parse(string yamlText, string fileName, SuiteLoadOptions? options = null) =>
        Parse(Encoding.UTF8.GetBytes(yamlText), fileName, options);

    /// <summary>Loads a suite from the bytes of a file (tests feed it invalid UTF-8).</summary>
    internal static Suite Parse(byte[] yamlBytes, string fileName, SuiteLoadOptions? options = null) =>
        OrThrow(SuiteReader.Read(yamlBytes, fileName, options ?? SuiteLoadOptions.FromEnvironment()));

    /// <summary>
    /// Loads every suite named by <paramref name="paths"/>: files, and folders searched recursively for *.yaml and *.yml
    /// (sorted by path). Suite ids must be unique across all of them.
    /// </summary>
    /// <exception cref="SuiteValidationException">Any path is missing or any file invalid; holds the problems of all files.</exception>
    public static IReadOnlyList<Suite> LoadAll(IEnumerable<string> paths, SuiteLoadOptions? options = null)
    {
        var (suites, diagnostics) = SuiteSet.Read(paths, options ?? SuiteLoadOptions.FromEnvironment());
        return diagnostics.Count == 0 ? suites : throw new SuiteValidationException(diagnostics);
    }

    /// <summary>Runs the checks of <see cref="LoadAll"/> and returns the problems found; empty when all suites are valid.</summary>
    public static IReadOnlyList<SuiteDiagnostic> Validate(IEnumerable<string> paths, SuiteLoadOptions? options = null) =>
        SuiteSet.Read(paths, options ?? SuiteLoadOptions.FromEnvironment()).Diagnostics;

    private static Suite OrThrow(SuiteReadResult result) =>
        result.Suite is { } suite && result.Diagnostics.Count == 0
            ? suite
            : throw new SuiteValidationException(result.Diagnostics);
}
