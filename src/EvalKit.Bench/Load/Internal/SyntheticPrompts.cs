namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// Reproducible prompts of random common English words (most are one token in BPE vocabularies). Two prompts rarely
/// share more than a word of prefix, so a server's prefix cache cannot answer one from another.
/// </summary>
internal static class SyntheticPrompts
{
    private static readonly string[] _words =
    [
        "the", "time", "people", "way", "year", "day", "thing", "man", "world", "life", "hand", "part", "child", "eye",
        "woman", "place", "work", "week", "case", "point", "number", "group", "problem", "fact", "house", "water",
        "story", "city", "river", "tree", "light", "green", "small", "large", "old", "new", "good", "long", "little",
        "great", "high", "young", "early", "read", "write", "walk", "talk", "play", "move", "live", "believe", "bring",
        "happen", "sit", "stand", "lose", "pay", "meet", "include", "continue", "learn", "change", "lead", "watch",
        "follow", "stop", "create", "speak", "open", "spend", "grow", "win", "offer", "remember", "love", "consider",
        "appear", "buy", "wait", "serve", "die", "send", "expect", "build", "stay", "fall", "cut", "reach", "kill",
        "remain", "bird", "dog", "cat", "boat", "road", "hill", "stone", "cloud", "rain", "snow", "sun", "moon",
    ];

    public static IReadOnlyList<string> Create(int seed, int count, int words)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[random.Next(_words.Length)])))];
    }
}
