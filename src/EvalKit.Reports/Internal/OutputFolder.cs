using EvalKit.Core;
using EvalKit.Core.Results;

namespace EvalKit.Reports.Internal;

/// <summary>Creates the report folder and writes files atomically, with EvalKit's wording on failure.</summary>
internal static class OutputFolder
{
    public static string Write(string folder, string fileName, string contents)
    {
        Create(folder);
        var path = Path.Combine(folder, fileName);
        AtomicFile.WriteAllText(path, contents);
        return path;
    }

    public static string Write(string folder, string fileName, byte[] contents)
    {
        Create(folder);
        var path = Path.Combine(folder, fileName);
        try
        {
            File.WriteAllBytes(path, contents);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(path, ex);
        }
        return path;
    }

    private static void Create(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(folder, ex);
        }
    }
}
