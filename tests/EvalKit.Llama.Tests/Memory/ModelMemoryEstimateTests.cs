using System.Globalization;
using System.Text;
using EvalKit.Llama.Fixtures;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Internal;
using EvalKit.Llama.Memory;
using EvalKit.TestSupport;
using LLama;
using LLama.Common;
using LLama.Native;
using Xunit.Abstractions;

namespace EvalKit.Llama.Tests.Memory;

public sealed class ModelMemoryEstimateTests(ITestOutputHelper output)
{
    // "Resident" here is the memory llama.cpp really uses once it has decoded a full micro-batch. The weights are
    // read without mmap, so every weight byte is anonymous memory the process holds (with mmap they are page-cache
    // pages that become resident as decoding touches them, which every token does), and a 512-token batch with
    // logits for every token (as log-likelihood scoring of a long continuation asks) touches the whole compute buffer
    // and grows the output buffer to its largest. That worst case is what the estimate is for: anything less would
    // let a run pass the check and then be killed on its first long scoring request.
    [Theory]
    [InlineData("llama", 512)]
    [InlineData("qwen2", 8192)]
    public void Estimate_is_within_ten_percent_of_the_resident_memory_after_a_real_load(string architecture, int contextSize)
    {
        // Given a synthetic model of a few hundred MB
        using var temp = new TempDir();
        var shape = new SyntheticModelShape(architecture, 8, 1024, 16, 4, 2816, 32_000, 16_384);
        var path = temp.File("model.gguf");
        SyntheticModelWriter.Write(shape, path);
        NativeLibrarySetup.Ensure();
        var estimate = ModelMemoryEstimate.For(GgufReader.Read(path), contextSize);

        // When it is loaded and decodes a full prompt batch
        var before = ResidentBytes();
        var mark = LlamaLog.Mark();
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)contextSize, LoadMode = LLamaLoadMode.None, GpuLayerCount = 0, Threads = 1, BatchThreads = 1,
        };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        using var context = weights.CreateContext(parameters);
        var batch = new LLamaBatch();
        var prompt = weights.Tokenize(new StringBuilder().Insert(0, "once upon a time ", 200).ToString(), true, false, Encoding.UTF8)[..512];
        for (var i = 0; i < prompt.Length; i++)
            batch.Add(prompt[i], i, LLamaSeqId.Zero, true);
        Assert.Equal(DecodeResult.Ok, context.Decode(batch));
        var resident = ResidentBytes() - before;
        foreach (var line in LlamaLog.Since(mark, 40).Where(l => l.Contains("buffer size", StringComparison.Ordinal)))
            output.WriteLine(line);
        output.WriteLine($"estimate {estimate}: total {estimate.TotalBytes:N0}, resident {resident:N0}");

        // Then the estimate is within 10% of what is resident
        Assert.InRange(estimate.TotalBytes, resident * 0.9, resident * 1.1);
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
