using EvalKit.Llama.Internal;
using LLama.Native;

namespace EvalKit.Llama.Tests.Backend;

public sealed class LlamaLogTests
{
    [Fact]
    public void Pieces_of_a_line_are_joined_and_debug_lines_are_dropped()
    {
        var id = Guid.NewGuid().ToString("N");
        var mark = LlamaLog.Mark();

        LlamaLog.Receive(LLamaLogLevel.Debug, $"debug {id}\n");
        LlamaLog.Receive(LLamaLogLevel.Error, $"error {id}: ");
        LlamaLog.Receive(LLamaLogLevel.Continue, "missing tensor\n");

        var lines = LlamaLog.Since(mark, 50);
        Assert.Contains($"error {id}: missing tensor", lines);
        Assert.DoesNotContain(lines, line => line.Contains($"debug {id}"));
    }
}
