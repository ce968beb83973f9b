using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>One <c>llama_decode</c> call that turns a failure into an error quoting llama.cpp's log.</summary>
internal static class NativeDecode
{
    public static void Run(LLamaContext context, LLamaBatch batch)
    {
        var mark = LlamaLog.Mark();
        var result = context.NativeHandle.Decode(batch);
        if (result != DecodeResult.Ok)
            throw LlamaErrors.DecodeFailed(result.ToString(), LlamaLog.Since(mark, 10));
    }
}
