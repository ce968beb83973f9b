using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Suites;
using EvalKit.Llama.Fixtures.Internal;

namespace EvalKit.Llama.Fixtures;

/// <summary>
/// A validated fixture spec: programmed prompt → response pairs from a <c>*.fixture.yaml</c> file (its own
/// <c>pairs:</c> plus the raw-prompt cases of the suites it lists). The format is in docs/fixtures.md.
/// </summary>
public sealed class FixtureSpec
{
    /// <summary>Changes whenever the compiled construction changes, so cached builds keyed by digest are rebuilt.</summary>
    private const string ConstructionVersion = "evalkit-fixture-v1";

    private FixtureSpec(string name, string description, string sourcePath, IReadOnlyList<FixturePair> pairs, IReadOnlyList<string> suiteFiles, string digest)
    {
        Name = name;
        Description = description;
        SourcePath = sourcePath;
        Pairs = pairs;
        SuiteFiles = suiteFiles;
        Digest = digest;
    }

    public string Name { get; }
    public string Description { get; }

    /// <summary>The spec file (empty for specs built in code).</summary>
    public string SourcePath { get; }

    /// <summary>Every programmed pair, exact repeats removed, in declaration order (suites first, then pairs:).</summary>
    public IReadOnlyList<FixturePair> Pairs { get; }

    /// <summary>The suite files whose cases were programmed.</summary>
    public IReadOnlyList<string> SuiteFiles { get; }

    /// <summary>SHA-256 (hex) over the spec's bytes and every referenced suite file's bytes: equal digests compile to equal models.</summary>
    public string Digest { get; }


    /// <summary>A spec built in code (tests, demos); its digest covers the name, description and pairs.</summary>
    public static FixtureSpec FromPairs(string name, IEnumerable<FixturePair> pairs, string description = "")
    {
        var numbered = pairs.Select((p, i) => p.Source.Length > 0 ? p : p with { Source = $"pair {i + 1}" }).ToList();
        var valid = FixturePairs.Validate(numbered, $"fixture '{name}'");
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { name, description, pairs = valid.Select(p => (string[])[p.Prompt, p.Response, .. p.ResponseTokens ?? []]) });
        return new FixtureSpec(name, description, "", valid, [], Hash([canonical]));
    }

    public static FixtureSpec Load(string path)
    {
        if (!File.Exists(path))
            throw new EvalKitException($"Fixture spec not found: {path}", "Fixture specs are *.fixture.yaml files; see docs/fixtures.md.");
        var bytes = File.ReadAllBytes(path);
        var document = FixtureSpecDocument.Parse(Encoding.UTF8.GetString(bytes), path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;

        var pairs = new List<FixturePair>();
        var suiteFiles = new List<string>();
        if (document.Suites is { Count: > 0 } suitePaths)
        {
            var resolved = suitePaths.Select(p => Path.GetFullPath(Path.Combine(directory, p))).ToList();
            var missing = resolved.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0)
                throw new EvalKitException($"{path}: suite path(s) not found: {string.Join(", ", missing)}",
                    "Paths under 'suites:' are relative to the fixture spec's folder.");
            var suites = SuiteLoader.LoadAll(resolved);
            pairs.AddRange(SuitePairs.Resolve(suites, document.Responses ?? [], path));
            suiteFiles.AddRange(suites.Select(s => s.SourcePath).Where(p => p.Length > 0).Distinct());
        }
        else if (document.Responses is { Count: > 0 })
            throw new EvalKitException($"{path}: 'responses:' is given but no 'suites:' are listed.", "List the suite files or folders the responses are for under 'suites:'.");

        pairs.AddRange(PairsOf(document, path));
        var name = document.Name ?? Path.GetFileName(path).Replace(".fixture.yaml", "", StringComparison.OrdinalIgnoreCase);
        var digest = Hash([bytes, .. suiteFiles.Select(File.ReadAllBytes)]);
        return new FixtureSpec(name, document.Description ?? "", path, FixturePairs.Validate(pairs, path), suiteFiles, digest);
    }

    private static IEnumerable<FixturePair> PairsOf(FixtureSpecDocument document, string path)
    {
        var problems = new List<string>();
        var pairs = new List<FixturePair>();
        foreach (var (pair, i) in (document.Pairs ?? []).Select((p, i) => (p, i + 1)))
        {
            if (pair?.Prompt is null)
                problems.Add($"pair {i} has no 'prompt:'");
            else if (pair.Tokens is { } tokens)
                pairs.Add(new FixturePair(pair.Prompt, pair.Response ?? string.Concat(tokens), $"pair {i}") { ResponseTokens = tokens });
            else if (pair.Response is null)
                problems.Add($"pair {i} has no 'response:' (write response: \"\" for an empty answer)");
            else
                pairs.Add(new FixturePair(pair.Prompt, pair.Response, $"pair {i}"));
        }
        if (problems.Count > 0)
            throw new EvalKitException($"{path}: {string.Join("; ", problems)}.", "Each entry under 'pairs:' needs 'prompt:' and 'response:'.");
        return pairs;
    }

    private static string Hash(IEnumerable<byte[]> parts)
    {
        // Each part is hashed on its own first, so suite file order and boundaries cannot collide.
        var partHashes = parts.Select(SHA256.HashData).ToList();
        var suiteHashes = partHashes.Skip(1).OrderBy(Convert.ToHexString, StringComparer.Ordinal);
        var all = Encoding.UTF8.GetBytes(ConstructionVersion).Concat(partHashes[0]).Concat(suiteHashes.SelectMany(h => h)).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(all));
    }
}
