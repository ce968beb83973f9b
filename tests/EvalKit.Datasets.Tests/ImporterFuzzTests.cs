using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

/// <summary>Bounded, seeded fuzzing: mutated copies of the start of each real file only ever give cases, problems or EvalKitException.</summary>
public class ImporterFuzzTests
{
    // EVALKIT_FUZZ_ITERATIONS and EVALKIT_FUZZ_SEED allow a longer local run; CI uses the fixed defaults.
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("EVALKIT_FUZZ_ITERATIONS"), out var n) ? n : 100;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("EVALKIT_FUZZ_SEED"), out var s) ? s : 5150;

    private static readonly byte[][] _snippets =
    [
        "\""u8.ToArray(), ","u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(),
        "]"u8.ToArray(), "\\"u8.ToArray(), "\\u00"u8.ToArray(), "\"\""u8.ToArray(), ",,,,"u8.ToArray(), ":null"u8.ToArray(),
        [0xFF], [0xC3], [0xE2, 0x80], "#### "u8.ToArray(), "\"label\": 7"u8.ToArray(),
    ];

    public static TheoryData<string, string, string> Formats => new()
    {
        { "gsm8k", "gsm8k/test.jsonl", "test.jsonl" },
        { "mmlu", "mmlu/data/test/abstract_algebra_test.csv", "algebra_test.csv" },
        { "arc", "arc_challenge/ARC-Challenge-Test.jsonl", "arc.jsonl" },
        { "humaneval", "humaneval/HumanEval.jsonl.gz", "HumanEval.jsonl.gz" },
        { "mbpp", "mbpp/mbpp.jsonl", "mbpp.jsonl" },
        { "truthfulqa", "truthfulqa/TruthfulQA.csv", "TruthfulQA.csv" },
        { "truthfulqa-mc1", "truthfulqa/mc_task.json", "mc_task.json" },
        { "halueval", "halueval/general_data.json", "general_data.json" },
        { "bbq", "bbq/Nationality.jsonl", "Nationality.jsonl" },
        { "crows-pairs", "crows_pairs/crows_pairs_anonymized.csv", "crows.csv" },
        { "xstest", "xstest/xstest_prompts.csv", "xstest.csv" },
        { "deccp", "deccp/censored.txt", "censored.txt" },
        { "ccp-sensitive", "ccp_sensitive_prompts/ccp_sensitive.json", "ccp.json" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Mutated_files_give_cases_problems_or_EvalKitException(string format, string source, string fileName)
    {
        // Given the first rows of the real file, still valid
        var original = SeedBytes(SharedAssets.Dataset(source));
        using var dir = new TempDir();
        var path = dir.File(fileName);
        var gzip = fileName.EndsWith(".gz", StringComparison.Ordinal);
        Write(path, original, gzip);
        var baseline = DatasetFormats.Import(format, path, new());
        Assert.NotEmpty(baseline.Cases);
        Assert.Empty(baseline.Problems);
        var random = new Random(Seed + format.Length);
        var (clean, flagged) = (0, 0);

        // When mutated copies are imported
        for (var i = 0; i < Iterations; i++)
        {
            var mutated = Mutate(original, random);
            Write(path, mutated, gzip && random.Next(4) > 0);
            try
            {
                // A hang guard, not a speed check: one small import never needs a minute.
                var result = await Task.Run(() => DatasetFormats.Import(format, path, new())).WaitAsync(TimeSpan.FromMinutes(1));
                if (result.Problems.Count == 0)
                    clean++;
                else
                    flagged++;
                Assert.All(result.Problems, p => Assert.True(p.Message.Length > 0));
            }
            catch (EvalKitException known)
            {
                // Then a file-level failure is a user error that names the file
                Assert.Contains(path, known.Message);
                flagged++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{format} iteration {i} threw {e}\ninput (base64): {Convert.ToBase64String(mutated)}");
            }
        }

        // Then both outcomes occurred, so the mutations were neither all harmless nor all fatal
        Assert.True(clean > 0 && flagged > 0, $"clean {clean}, flagged {flagged}");
    }

    /// <summary>About 6 KB of whole rows (JSON arrays: their first five items), decompressed.</summary>
    private static byte[] SeedBytes(string path)
    {
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
            : (Stream)File.OpenRead(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = new StringBuilder();
        if (reader.Peek() == '[')
        {
            using var array = JsonDocument.Parse(reader.ReadToEnd());
            return JsonSerializer.SerializeToUtf8Bytes(array.RootElement.EnumerateArray().Take(5), new JsonSerializerOptions { WriteIndented = true });
        }
        while (text.Length < 6000 && reader.ReadLine() is { } line)
            text.Append(line).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Write(string path, byte[] bytes, bool gzip)
    {
        using var file = File.Create(path);
        if (!gzip)
        {
            file.Write(bytes);
            return;
        }
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        for (var round = random.Next(1, 4); round > 0; round--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, _snippets[random.Next(_snippets.Length)]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    var from = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(from, Math.Min(random.Next(1, 200), bytes.Count - from)));
                    break;
            }
        }
        return [.. bytes];
    }
}
