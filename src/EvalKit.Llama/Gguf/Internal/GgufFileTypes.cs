namespace EvalKit.Llama.Gguf.Internal;

/// <summary>Names of llama.cpp's <c>llama_ftype</c> values (<c>general.file_type</c>), as llama-quantize spells them.</summary>
internal static class GgufFileTypes
{
    private const int Guessed = 1024;

    private static readonly Dictionary<long, string> _names = new()
    {
        [0] = "F32",
        [1] = "F16",
        [2] = "Q4_0",
        [3] = "Q4_1",
        [4] = "Q4_1_SOME_F16",
        [7] = "Q8_0",
        [8] = "Q5_0",
        [9] = "Q5_1",
        [10] = "Q2_K",
        [11] = "Q3_K_S",
        [12] = "Q3_K_M",
        [13] = "Q3_K_L",
        [14] = "Q4_K_S",
        [15] = "Q4_K_M",
        [16] = "Q5_K_S",
        [17] = "Q5_K_M",
        [18] = "Q6_K",
        [19] = "IQ2_XXS",
        [20] = "IQ2_XS",
        [21] = "Q2_K_S",
        [22] = "IQ3_XS",
        [23] = "IQ3_XXS",
        [24] = "IQ1_S",
        [25] = "IQ4_NL",
        [26] = "IQ3_S",
        [27] = "IQ3_M",
        [28] = "IQ2_S",
        [29] = "IQ2_M",
        [30] = "IQ4_XS",
        [31] = "IQ1_M",
        [32] = "BF16",
        [36] = "TQ1_0",
        [37] = "TQ2_0",
        [38] = "MXFP4_MOE",
        [39] = "NVFP4",
        [40] = "Q1_0",
        [41] = "Q2_0",
    };

    /// <summary>"Q4_K_M" for 15; "unknown (99)" for a value llama.cpp does not define.</summary>
    public static string Name(long fileType)
    {
        var guessed = (fileType & Guessed) != 0 && fileType > 0;
        var name = _names.TryGetValue(fileType & ~Guessed, out var known) ? known : $"unknown ({fileType})";
        return guessed ? name + " (guessed)" : name;
    }

    /// <summary>The llama_ftype number for a name such as "q4_k_m", or null.</summary>
    public static int? Parse(string name) =>
        _names.FirstOrDefault(pair => pair.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } match
            ? (int)match.Key
            : null;
}
