using EvalKit.Core;
using EvalKit.Core.Datasets;
namespace EvalKit.Datasets.Internal;

/// <summary>The files a dataset path names: the file itself, or the matching files of a folder, sorted by name.</summary>
internal static class DatasetFiles
{
    public static IReadOnlyList<string> In(string path, string pattern)
    {
        if (!Directory.Exists(path))
            return File.Exists(path) ? [path] : throw DatasetErrors.NotFound(path);
        List<string> files;
        try
        {
            files = [.. Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DatasetErrors.CannotRead(path, e);
        }
        return files.Count > 0 ? files : throw DatasetErrors.NoFiles(path, pattern);
    }
}
