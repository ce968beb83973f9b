namespace EvalKit.Llama.Gguf.Internal;

/// <summary>
/// Checks that tensor data is where llama.cpp expects it: each tensor aligned, packed in table order with
/// only alignment padding between them (gguf.cpp refuses anything else), and inside the file.
/// </summary>
internal static class GgufLayout
{
    public static void Check(string path, IReadOnlyList<GgufTensorInfo> tensors, long dataOffset, int alignment, long fileSize)
    {
        var expected = 0L;
        GgufTensorInfo? previous = null;
        foreach (var tensor in tensors)
        {
            var name = GgufErrors.Printable(tensor.Name);
            var at = dataOffset + tensor.Offset;
            if (tensor.Offset % alignment != 0)
                throw GgufErrors.Corrupt(path, at, $"tensor '{name}' starts at data offset {tensor.Offset}, not a multiple of the alignment {alignment}");
            if (tensor.Offset < expected)
                throw GgufErrors.Corrupt(path, at, $"tensor '{name}' (data offset {tensor.Offset}) overlaps tensor '{GgufErrors.Printable(previous!.Name)}', which ends at {expected}");
            if (tensor.Offset > expected)
                throw GgufErrors.Corrupt(path, at, $"tensor '{name}' starts at data offset {tensor.Offset}, expected {expected}: llama.cpp needs tensor data packed in table order");
            var size = ByteSize(path, tensor, at);
            if (size > fileSize - at)
                throw GgufErrors.Corrupt(path, at, $"tensor '{name}' needs {size} bytes of data, which run past the end of the {fileSize}-byte file");
            expected = GgufParser.Align(tensor.Offset + size, alignment);
            previous = tensor;
        }
    }

    private static long ByteSize(string path, GgufTensorInfo tensor, long at)
    {
        try
        {
            return tensor.ByteSize;
        }
        catch (OverflowException)
        {
            throw GgufErrors.Corrupt(path, at, $"tensor '{GgufErrors.Printable(tensor.Name)}' is larger than any file can be");
        }
    }
}
