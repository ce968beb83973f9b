namespace EvalKit.Llama.Gguf;

/// <summary>
/// Block size (elements per block) and type size (bytes per block) of each <see cref="GgmlType"/>,
/// as in ggml's <c>ggml-common.h</c>; enough to compute a tensor's byte size without reading it.
/// </summary>
public static class GgmlTypeTraits
{
    private static readonly Dictionary<GgmlType, (int BlockSize, int TypeSize)> _traits = new()
    {
        [GgmlType.F32] = (1, 4),
        [GgmlType.F16] = (1, 2),
        [GgmlType.Q4_0] = (32, 18),
        [GgmlType.Q4_1] = (32, 20),
        [GgmlType.Q5_0] = (32, 22),
        [GgmlType.Q5_1] = (32, 24),
        [GgmlType.Q8_0] = (32, 34),
        [GgmlType.Q8_1] = (32, 36),
        [GgmlType.Q2_K] = (256, 84),
        [GgmlType.Q3_K] = (256, 110),
        [GgmlType.Q4_K] = (256, 144),
        [GgmlType.Q5_K] = (256, 176),
        [GgmlType.Q6_K] = (256, 210),
        [GgmlType.Q8_K] = (256, 292),
        [GgmlType.IQ2_XXS] = (256, 66),
        [GgmlType.IQ2_XS] = (256, 74),
        [GgmlType.IQ3_XXS] = (256, 98),
        [GgmlType.IQ1_S] = (256, 50),
        [GgmlType.IQ4_NL] = (32, 18),
        [GgmlType.IQ3_S] = (256, 110),
        [GgmlType.IQ2_S] = (256, 82),
        [GgmlType.IQ4_XS] = (256, 136),
        [GgmlType.I8] = (1, 1),
        [GgmlType.I16] = (1, 2),
        [GgmlType.I32] = (1, 4),
        [GgmlType.I64] = (1, 8),
        [GgmlType.F64] = (1, 8),
        [GgmlType.IQ1_M] = (256, 56),
        [GgmlType.BF16] = (1, 2),
        [GgmlType.TQ1_0] = (256, 54),
        [GgmlType.TQ2_0] = (256, 66),
        [GgmlType.MXFP4] = (32, 17),
        [GgmlType.NVFP4] = (64, 36),
        [GgmlType.Q1_0] = (128, 18),
        [GgmlType.Q2_0] = (64, 18),
    };

    /// <summary>True when <paramref name="type"/> is a type this table knows (removed ggml types are not).</summary>
    public static bool IsKnown(GgmlType type) => _traits.ContainsKey(type);

    /// <summary>Elements per block: 1 for plain types, 32 for Q4_0/Q8_0, 256 for the K-quants.</summary>
    public static int BlockSize(GgmlType type) => Lookup(type).BlockSize;

    /// <summary>Bytes per block.</summary>
    public static int TypeSize(GgmlType type) => Lookup(type).TypeSize;

    /// <summary>
    /// Bytes taken by <paramref name="elements"/> elements; <paramref name="elements"/> must be a multiple of
    /// the block size. Throws <see cref="OverflowException"/> for sizes beyond <see cref="long.MaxValue"/>.
    /// </summary>
    public static long ByteSize(GgmlType type, long elements)
    {
        var (blockSize, typeSize) = Lookup(type);
        if (elements % blockSize != 0)
            throw new ArgumentException($"{elements} elements is not a multiple of {type}'s block size {blockSize}.", nameof(elements));
        return checked(elements / blockSize * typeSize);
    }

    private static (int BlockSize, int TypeSize) Lookup(GgmlType type) =>
        _traits.TryGetValue(type, out var traits)
            ? traits
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a ggml type this EvalKit knows.");
}
