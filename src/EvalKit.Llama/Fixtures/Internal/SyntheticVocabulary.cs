namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>
/// A SentencePiece vocabulary of a given size: &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;, the 256 byte tokens, the
/// printable ASCII characters and then unique filler pieces ("▁t0", "▁t1", ...). Any text tokenises (bytes
/// fall back), and token texts are unique as llama.cpp requires.
/// </summary>
internal sealed record SyntheticVocabulary(string[] Tokens, float[] Scores, int[] Types)
{
    public static SyntheticVocabulary Build(int size)
    {
        var tokens = new List<string>(size) { "<unk>", "<s>", "</s>" };
        var types = new List<int>(size) { 2, 3, 3 };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(6);
        }
        for (var c = '!'; c <= '~' && tokens.Count < size; c++)
            tokens.Add(c.ToString());
        tokens.Add(FixtureVocabulary.Space);
        for (var i = 0; tokens.Count < size; i++)
            tokens.Add($"{FixtureVocabulary.Space}t{i}");
        types.AddRange(Enumerable.Repeat(1, tokens.Count - types.Count));
        var scores = tokens.Select((_, i) => -(float)i).ToArray();
        return new SyntheticVocabulary(tokens.Take(size).ToArray(), scores.Take(size).ToArray(), types.Take(size).ToArray());
    }
}
