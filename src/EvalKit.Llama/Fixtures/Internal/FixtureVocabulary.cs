using EvalKit.Core;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>
/// The SentencePiece vocabulary of a fixture model (see docs/fixtures.md): specials, the 256 byte tokens,
/// every prompt character, every prefix of "▁" + prompt, and each response as one token. Token texts are unique.
/// </summary>
internal sealed class FixtureVocabulary
{
    public const int Unknown = 0, Bos = 1, Eos = 2;
    public const string Space = "\u2581";

    private const int TypeNormal = 1, TypeUnknown = 2, TypeControl = 3, TypeByte = 6;

    private readonly List<string> _tokens = [];
    private readonly List<float> _scores = [];
    private readonly List<int> _types = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public FixtureVocabulary(IReadOnlyList<FixturePair> pairs, string specPath)
    {
        Add("<unk>", 0, TypeUnknown);
        Add("<s>", 0, TypeControl);
        Add("</s>", 0, TypeControl);
        for (var b = 0; b < 256; b++)
            Add($"<0x{b:X2}>", 0, TypeByte);
        var reserved = _tokens.Count;

        foreach (var pair in pairs)
            foreach (var rune in PromptToken(pair.Prompt).EnumerateRunes())
                AddIfNew(rune.ToString(), -1000);
        foreach (var pair in pairs)
        {
            var text = PromptToken(pair.Prompt);
            var runes = text.EnumerateRunes().ToArray();
            var prefix = runes[0].ToString();
            for (var i = 1; i < runes.Length; i++)
            {
                prefix += runes[i].ToString();
                AddIfNew(prefix, i + 1);
            }
        }
        var promptTokens = pairs.Select(p => PromptToken(p.Prompt)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var pair in pairs)
        {
            foreach (var response in ResponsePieces(pair))
            {
                var text = Escape(response);
                if (_ids.TryGetValue(text, out var id) && id < reserved)
                    problems.Add($"{pair.Source}: the response '{response}' is the text of the special token {text}, which would not print as text");
                else if (promptTokens.Contains(text))
                    problems.Add($"{pair.Source}: the response '{response}' is, as a token, the whole prompt '{response[1..]}' of another pair, so the model could not tell answering it from being asked it");
                else
                    AddIfNew(text, 0);
            }
        }
        if (problems.Count > 0)
            throw new EvalKitException($"{specPath}: {problems.Count} response(s) cannot be programmed:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems), "Change the responses above (for example drop a leading space).");
    }

    public IReadOnlyList<string> Tokens => _tokens;
    public IReadOnlyList<float> Scores => _scores;
    public IReadOnlyList<int> Types => _types;

    /// <summary>The single token a programmed prompt tokenises to: llama.cpp adds the leading space.</summary>
    public int PromptId(string prompt) => _ids[PromptToken(prompt)];

    /// <summary>The tokens the pair's response is generated as, in order; none for an empty response.</summary>
    public IReadOnlyList<int> ResponseIds(FixturePair pair) => [.. ResponsePieces(pair).Select(piece => _ids[Escape(piece)])];

    private static IReadOnlyList<string> ResponsePieces(FixturePair pair) =>
        pair.ResponseTokens ?? (pair.Response.Length == 0 ? [] : [pair.Response]);

    public static string Escape(string text) => text.Replace(" ", Space);

    private static string PromptToken(string prompt) => Space + Escape(prompt);

    private void AddIfNew(string text, float score)
    {
        if (!_ids.ContainsKey(text))
            Add(text, score, TypeNormal);
    }

    private void Add(string text, float score, int type)
    {
        _ids.Add(text, _tokens.Count);
        _tokens.Add(text);
        _scores.Add(score);
        _types.Add(type);
    }
}
