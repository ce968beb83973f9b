using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>One <c>llama_decode</c> call that turns a failure into an error quoting llama.cpp's log.</summary>
internal static class NativeDecode
{
    public static void Run(LLamaContext context, NativeBatch batch)
    {
        var mark = LlamaLog.Mark();
        ThrowIfFailed(batch.Decode(context.NativeHandle), mark);
    }

    public static void Run(LLamaContext context, LLamaBatch batch)
    {
        var mark = LlamaLog.Mark();
        ThrowIfFailed(context.NativeHandle.Decode(batch), mark);
    }

    private static void ThrowIfFailed(DecodeResult result, long mark)
    {
        if (result != DecodeResult.Ok)
            throw LlamaErrors.DecodeFailed(result.ToString(), LlamaLog.Since(mark, 10));
    }
}
