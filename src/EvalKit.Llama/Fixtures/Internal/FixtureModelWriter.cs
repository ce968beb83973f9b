using System.Numerics;
using EvalKit.Core;
using EvalKit.Llama.Gguf;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>
/// Writes the one-block llama model of docs/fixtures.md: attention and FFN weights zero, norms one, so the last
/// position's residual is its token's one-hot embedding; <c>output.weight</c> maps each prompt token's dimension to
/// its (first) response token, each response token's dimension to the next response token or <c>&lt;/s&gt;</c>, and
/// dimension 0 ("anything else") to <c>&lt;/s&gt;</c>.
/// </summary>
internal static class FixtureModelWriter
{
    public const int HeadCount = 4, FeedForward = 32, ContextLength = 256, MinEmbedding = 32;

    public static FixtureModel Write(FixtureSpec spec, IReadOnlyList<FixturePair> pairs, FixtureVocabulary vocabulary, string path)
    {
        // Dimension 0 is shared by every token that is neither a programmed prompt nor a response token.
        var dimensionOf = new Dictionary<int, int>();
        foreach (var pair in pairs)
            dimensionOf.TryAdd(vocabulary.PromptId(pair.Prompt), dimensionOf.Count + 1);
        foreach (var pair in pairs)
            foreach (var responseId in vocabulary.ResponseIds(pair))
                dimensionOf.TryAdd(responseId, dimensionOf.Count + 1);
        var d = (int)Math.Max(MinEmbedding, BitOperations.RoundUpToPowerOf2((uint)dimensionOf.Count + 1));

        // output rows: which input dimensions vote for each token
        var answers = new Dictionary<int, List<int>> { [FixtureVocabulary.Eos] = [0] };
        foreach (var (from, to) in Successors(spec, pairs, vocabulary))
        {
            answers.TryAdd(to, []);
            answers[to].Add(dimensionOf[from]);
        }

        var vocab = vocabulary.Tokens.Count;
        var writer = new GgufWriter()
            .Set("general.architecture", "llama")
            .Set("general.name", spec.Name)
            .Set("general.file_type", 0u)
            .Set("evalkit.fixture.digest", spec.Digest)
            .Set("evalkit.fixture.pairs", (uint)pairs.Count)
            .Set("llama.context_length", (uint)ContextLength)
            .Set("llama.embedding_length", (uint)d)
            .Set("llama.block_count", 1u)
            .Set("llama.feed_forward_length", (uint)FeedForward)
            .Set("llama.attention.head_count", (uint)HeadCount)
            .Set("llama.attention.head_count_kv", (uint)HeadCount)
            .Set("llama.rope.dimension_count", (uint)(d / HeadCount))
            .Set("llama.attention.layer_norm_rms_epsilon", 1e-6f)
            .Set("tokenizer.ggml.model", "llama")
            .Set("tokenizer.ggml.pre", "default")
            .Set("tokenizer.ggml.tokens", vocabulary.Tokens.ToArray())
            .Set("tokenizer.ggml.scores", vocabulary.Scores.ToArray())
            .Set("tokenizer.ggml.token_type", vocabulary.Types.ToArray())
            .Set("tokenizer.ggml.unknown_token_id", (uint)FixtureVocabulary.Unknown)
            .Set("tokenizer.ggml.bos_token_id", (uint)FixtureVocabulary.Bos)
            .Set("tokenizer.ggml.eos_token_id", (uint)FixtureVocabulary.Eos)
            .Set("tokenizer.ggml.add_bos_token", true)
            .Set("tokenizer.ggml.add_eos_token", false)
            .Set("tokenizer.ggml.add_space_prefix", true);

        if (spec.Description.Length > 0)
            writer.Set("general.description", spec.Description); // LLamaSharp 0.30.0 fails to load empty string values

        writer.AddTensor("token_embd.weight", [d, vocab], GgmlType.F32, (token, row) => row[dimensionOf.GetValueOrDefault((int)token)] = 1f)
            .AddTensor("output_norm.weight", [d], GgmlType.F32, Ones)
            .AddTensor("output.weight", [d, vocab], GgmlType.F32, (token, row) =>
            {
                foreach (var dimension in answers.GetValueOrDefault((int)token) ?? [])
                    row[dimension] = 1f;
            })
            .AddTensor("blk.0.attn_norm.weight", [d], GgmlType.F32, Ones)
            .AddTensor("blk.0.attn_q.weight", [d, d], GgmlType.F32, Zeros)
            .AddTensor("blk.0.attn_k.weight", [d, d], GgmlType.F32, Zeros)
            .AddTensor("blk.0.attn_v.weight", [d, d], GgmlType.F32, Zeros)
            .AddTensor("blk.0.attn_output.weight", [d, d], GgmlType.F32, Zeros)
            .AddTensor("blk.0.ffn_norm.weight", [d], GgmlType.F32, Ones)
            .AddTensor("blk.0.ffn_gate.weight", [d, FeedForward], GgmlType.F32, Zeros)
            .AddTensor("blk.0.ffn_up.weight", [d, FeedForward], GgmlType.F32, Zeros)
            .AddTensor("blk.0.ffn_down.weight", [FeedForward, d], GgmlType.F32, Zeros);
        writer.Write(path);
        return new FixtureModel(path, spec.Digest, pairs, vocab, d);
    }

    // The next token depends on the last token alone: prompt → first response token → … → </s>.
    private static Dictionary<int, int> Successors(FixtureSpec spec, IReadOnlyList<FixturePair> pairs, FixtureVocabulary vocabulary)
    {
        var next = new Dictionary<int, int>();
        var problems = new List<string>();
        foreach (var pair in pairs)
        {
            var from = vocabulary.PromptId(pair.Prompt);
            foreach (var to in vocabulary.ResponseIds(pair).Append(FixtureVocabulary.Eos))
            {
                if (!next.TryAdd(from, to) && next[from] != to)
                    problems.Add($"{pair.Source}: the response token '{vocabulary.Tokens[from]}' is followed by '{vocabulary.Tokens[to]}' here and by '{vocabulary.Tokens[next[from]]}' elsewhere");
                from = to;
            }
        }
        if (problems.Count > 0)
            throw new EvalKitException($"fixture '{spec.Name}': {problems.Count} response token(s) cannot be programmed:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems), "A token can be followed by one token only; use distinct response tokens.");
        return next;
    }

    private static void Ones(long row, Span<float> values) => values.Fill(1f);

    private static void Zeros(long row, Span<float> values)
    {
        // rows arrive cleared
    }
}
