using System.Buffers.Binary;
using EvalKit.Llama.Gguf;

namespace EvalKit.Llama.Tests.Gguf;

/// <summary>Random damage to the header region of a real file must end in a GgufFormatException, never a crash or a hang.</summary>
public sealed class GgufReaderFuzzTests
{
    private const int Iterations = 3000;
    private const int Seed = 20240611;

    private static readonly ulong[] _interesting =
        [0, 1, 3, 4, 5, 13, 31, 32, 33, 255, 0xFFFF, 0x7FFF_FFFF, 0xFFFF_FFFF, 1UL << 32, 1UL << 40, long.MaxValue, ulong.MaxValue];

    [Fact]
    public async Task Mutated_headers_fail_only_with_GgufFormatException()
    {
        // Given stories260K.gguf in memory and the extent of its header, metadata and tensor table
        var buffer = DamagedGguf.Copy();
        var headerLength = (int)DamagedGguf.Read(buffer).DataOffset;
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>();

        // When it is damaged at random, many times
        var run = Task.Run(() =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                var saved = buffer[..headerLength];
                var length = Mutate(buffer, headerLength, random);
                try
                {
                    DamagedGguf.Read(length == buffer.Length ? buffer : buffer[..length]);
                    outcomes["read"] = outcomes.GetValueOrDefault("read") + 1;
                }
                catch (GgufFormatException)
                {
                    outcomes["refused"] = outcomes.GetValueOrDefault("refused") + 1;
                }
                catch (Exception other)
                {
                    throw new Xunit.Sdk.XunitException($"Iteration {i} (seed {Seed}) threw {other.GetType().Name}: {other.Message}");
                }
                saved.CopyTo(buffer, 0);
            }
        });

        // Then every damaged file was read or refused cleanly, well within a generous bound (a hang fails, not stalls)
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(finished == run, "The reader hung on a damaged file.");
        await run;
        Assert.True(outcomes.GetValueOrDefault("refused") > Iterations / 2, $"Outcomes: {string.Join(", ", outcomes)}");
    }

    /// <summary>Applies one kind of damage inside the header region; returns the length to read (shorter when truncating).</summary>
    private static int Mutate(byte[] buffer, int headerLength, Random random)
    {
        var at = random.Next(headerLength - 8);
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 5); n > 0; n--)
                    buffer[random.Next(headerLength)] ^= (byte)random.Next(1, 256);
                return buffer.Length;
            case 1:
                BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(at), _interesting[random.Next(_interesting.Length)]);
                return buffer.Length;
            case 2:
                BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at), (uint)_interesting[random.Next(_interesting.Length)]);
                return buffer.Length;
            default:
                return random.Next(headerLength);
        }
    }
}
