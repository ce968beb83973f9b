using EvalKit.Llama.Fixtures.Internal;
using EvalKit.Llama.Gguf;

namespace EvalKit.Llama.Fixtures;

/// <summary>
/// Compiles a <see cref="FixtureSpec"/> into a llama-architecture GGUF whose greedy raw completion, through the
/// real llama.cpp, reproduces every programmed response exactly (construction in docs/fixtures.md).
/// </summary>
public static class FixtureCompiler
{
    /// <summary>Writes the model to <paramref name="outputPath"/> atomically (temporary file, then rename).</summary>
    public static FixtureModel Compile(FixtureSpec spec, string outputPath)
    {
        var vocabulary = new FixtureVocabulary(spec.Pairs, spec.SourcePath.Length > 0 ? spec.SourcePath : $"fixture '{spec.Name}'");
        return FixtureModelWriter.Write(spec, spec.Pairs, vocabulary, outputPath);
    }

    /// <summary>
    /// Compiles only when <paramref name="outputPath"/> is missing or was built from a spec with another digest.
    /// Returns true when it compiled.
    /// </summary>
    public static bool CompileIfChanged(FixtureSpec spec, string outputPath)
    {
        if (File.Exists(outputPath) && BuiltDigest(outputPath) == spec.Digest)
            return false;
        Compile(spec, outputPath);
        return true;
    }

    private static string? BuiltDigest(string path)
    {
        try
        {
            return GgufReader.Read(path).GetString("evalkit.fixture.digest");
        }
        catch (GgufFormatException)
        {
            return null;
        }
    }
}
