using System.Text;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Puts K solved examples before each case, drawn per case with a seeded generator (seed and case id, so a case gets the
/// same examples whatever else is imported with it), as lm-evaluation-harness lays them out: in a raw prompt, the
/// header, then "query target" blocks separated by a blank line, then the case; in chat, one user/assistant pair per
/// example, then the case as the last user turn.
/// </summary>
internal static class FewShotBuilder
{
    public const string Delimiter = "\n\n";

    public static (IReadOnlyList<EvalCase> Cases, FewShotSpec Spec) Apply(
        IDatasetImporter importer, string path, IReadOnlyList<EvalCase> cases, DatasetImportOptions options)
    {
        var k = options.FewShot!.Value;
        if (importer is not IFewShotSource source)
            throw new EvalKitException($"Format '{importer.Format}' has no few-shot split, so {Setting.FewShot} cannot be used with it.",
                "Few-shot examples come from a dataset's train or dev split: gsm8k (train), mmlu (dev), arc (Train).");
        var poolPath = options.FewShotFrom ?? source.FewShotPool(path);
        if (poolPath is null || !(File.Exists(poolPath) || Directory.Exists(poolPath)))
            throw new EvalKitException(
                $"{Setting.FewShot} {k} needs {source.FewShotSplit}, and {(poolPath is null ? $"none was found for {path}" : $"{poolPath} does not exist")}.",
                $"Put that split where it belongs, or name a file of the same format with {Setting.FewShotFrom} FILE.");
        var pool = importer.Import(poolPath, DatasetImportOptions.Default).Cases;
        var byKey = pool.GroupBy(source.PoolKey).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<EvalCase>(cases.Count);
        foreach (var evalCase in cases)
        {
            var key = source.PoolKey(evalCase);
            var candidates = byKey.GetValueOrDefault(key, []).Where(e => e.Id != evalCase.Id).ToList();
            if (candidates.Count < k)
                throw new EvalKitException(
                    $"{Setting.FewShot} {k}: {poolPath} has only {candidates.Count} example(s){(key.Length > 0 ? $" for '{key}'" : "")}.",
                    $"Pass {Setting.FewShot} {candidates.Count} or less, or a larger split with {Setting.FewShotFrom} FILE.");
            var examples = SeededSampler.Pick(candidates, k, unchecked(options.FewShotSeed ^ Hash(evalCase.Id)));
            result.Add(options.Chat ? AsChat(source, evalCase, examples) : AsRaw(source, evalCase, examples));
        }
        return (result, new FewShotSpec(k, options.FewShotSeed, Path.GetFileName(Path.TrimEndingDirectorySeparator(poolPath))));
    }

    private static EvalCase AsRaw(IFewShotSource source, EvalCase evalCase, IReadOnlyList<EvalCase> examples)
    {
        var (header, body) = source.Split(evalCase);
        var text = new StringBuilder(header);
        foreach (var example in examples)
            text.Append(source.Split(example).Body).Append(' ').Append(source.Target(example)).Append(Delimiter);
        return evalCase with { Prompt = text.Append(body).ToString() };
    }

    private static EvalCase AsChat(IFewShotSource source, EvalCase evalCase, IReadOnlyList<EvalCase> examples)
    {
        var (header, body) = source.Split(evalCase);
        var messages = new List<ChatMessage>();
        foreach (var example in examples)
        {
            messages.Add(new ChatMessage("user", (messages.Count == 0 ? header : "") + source.Split(example).Body));
            messages.Add(new ChatMessage("assistant", source.Target(example)));
        }
        messages.Add(new ChatMessage("user", (messages.Count == 0 ? header : "") + body));
        return evalCase with { Prompt = null, Messages = messages };
    }

    // FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode.
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = unchecked((hash ^ b) * 1099511628211UL);
        return hash;
    }

}
