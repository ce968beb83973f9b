namespace EvalKit.Llama.Gguf;

/// <summary>
/// One entry of a GGUF tensor table. <see cref="Dimensions"/> are in ggml order (innermost first: a
/// <c>token_embd.weight</c> is [n_embd, n_vocab]). <see cref="Offset"/> is relative to the data section.
/// </summary>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, GgmlType Type, long Offset)
{
    /// <summary>Product of the dimensions.</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (product, d) => checked(product * d));

    /// <summary>Bytes of tensor data, from the type's block and type size.</summary>
    public long ByteSize => GgmlTypeTraits.ByteSize(Type, ElementCount);

    public override string ToString() => $"{Name} {Type} [{string.Join(", ", Dimensions)}]";
}
