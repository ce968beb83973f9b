using System.Text;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Suites;

public class SuiteLoaderFuzzTests
{
    private static readonly string[] _snippets =
        [": ", "- ", "&a ", "*a", "[", "]", "{", "}", "\t", "'", "\"", "#", "\n", "---\n", "? ", "!!int ", "|\n", ">-\n", "\\x", "%YAML 1.2\n"];

    // EVALKIT_FUZZ_ITERATIONS and EVALKIT_FUZZ_SEED allow a longer local run; CI uses the fixed defaults.
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("EVALKIT_FUZZ_ITERATIONS"), out var n) ? n : 2000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("EVALKIT_FUZZ_SEED"), out var s) ? s : 20240611;

    [Fact]
    public void Mutated_suites_only_ever_fail_with_SuiteValidationException()
    {
        // Given a valid suite and a fixed seed
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Suites", "fuzz-seed.yaml"));
        SuiteLoader.Parse(original, "seed.yaml");
        var random = new Random(Seed);
        var (accepted, rejected) = (0, 0);

        // When it is mutated 2000 times and parsed
        for (var i = 0; i < Iterations; i++)
        {
            var mutated = Mutate(original, random);
            try
            {
                SuiteLoader.Parse(mutated, "fuzz.yaml");
                accepted++;
            }
            catch (SuiteValidationException e)
            {
                // Then each failure is located inside the file and says something
                Assert.All(e.Diagnostics, d => Assert.True(d.Line >= 1 && d.Message.Length > 0, d.ToString()));
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i} threw {e.GetType().Name}: {e.Message}\ninput (base64): {Convert.ToBase64String(mutated)}");
            }
        }

        // Then both outcomes occurred, so the mutations were neither all harmless nor all fatal
        Assert.True(accepted > 0 && rejected > 0, $"accepted {accepted}, rejected {rejected}");
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        var rounds = random.Next(1, 4);
        for (var r = 0; r < rounds; r++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(_snippets[random.Next(_snippets.Length)]));
                    break;
                case 2:
                    bytes.RemoveRange(Math.Min(at, bytes.Count), Math.Min(random.Next(1, 20), bytes.Count - Math.Min(at, bytes.Count)));
                    break;
                case 3:
                    bytes = SwapLines(bytes, random);
                    break;
                case 4 when at < bytes.Count:
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    break;
                default:
                    bytes.Insert(at, (byte)" \n:-"[random.Next(4)]);
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static List<byte> SwapLines(List<byte> bytes, Random random)
    {
        var lines = Encoding.Latin1.GetString(bytes.ToArray()).Split('\n');
        var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return Encoding.Latin1.GetBytes(string.Join('\n', lines)).ToList();
    }
}
