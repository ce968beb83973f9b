using System.Text;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Scores a text token by token (<see cref="ITokenLogProbs"/>): tokenized with BOS as the model asks, decoded once
/// with logits at every position, each token's log-probability and the top K at its position read from the
/// log-softmax. Offsets are where each token's text starts in the given text: the pieces are concatenated as UTF-8,
/// a byte token inside a multi-byte character gets that character's start, and a leading space that SentencePiece
/// adds (and the given text lacks) is taken off. Not thread-safe.
/// </summary>
internal sealed class TextScorer(LLamaWeights weights, LLamaContext context)
{
    private readonly ForcedDecoder _decoder = new(context);

    public IReadOnlyList<TokenLogProb> Run(string text, int topK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var addBos = weights.Vocab.ShouldAddBOS;
        var tokens = weights.Tokenize(text, addBos, false, Encoding.UTF8);
        var skip = addBos && tokens.Length > 0 && tokens[0] == weights.Vocab.BOS ? 1 : 0;
        if (tokens.Length > _decoder.ContextSize)
            throw new PromptTooLongException(tokens.Length, _decoder.ContextSize);

        var logProbabilities = new double?[tokens.Length];
        var tops = new IReadOnlyDictionary<string, double>[tokens.Length];
        _decoder.Reset();
        for (var start = 0; start < tokens.Length; start += _decoder.ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(tokens.Length, start + _decoder.ChunkSize);
            _decoder.DecodeChunk(tokens, start, end, 0);
            for (var position = start; position < end && position + 1 < tokens.Length; position++)
            {
                var logits = _decoder.Logits(position);
                var logSumExp = LogSoftmax.LogSumExp(logits, out _);
                logProbabilities[position + 1] = logits[(int)tokens[position + 1]] - logSumExp;
                tops[position + 1] = Top(logits, logSumExp, topK);
            }
        }
        return Assemble(text, tokens, skip, logProbabilities, tops);
    }

    private List<TokenLogProb> Assemble(string text, LLamaToken[] tokens, int skip, double?[] logProbabilities, IReadOnlyDictionary<string, double>[] tops)
    {
        var pieces = tokens.Skip(skip).Select(Piece).ToList();
        var byteOffsets = new List<int>(pieces.Count);
        var all = new List<byte>();
        foreach (var piece in pieces)
        {
            byteOffsets.Add(all.Count);
            all.AddRange(piece);
        }
        var bytes = all.ToArray();
        var decoded = Encoding.UTF8.GetString(bytes);
        var shift = decoded.Length > text.Length && decoded.EndsWith(text, StringComparison.Ordinal) ? decoded.Length - text.Length : 0;
        var empty = new Dictionary<string, double>();
        return [.. pieces.Select((piece, i) => new TokenLogProb(
            Encoding.UTF8.GetString(piece),
            Math.Max(0, Encoding.UTF8.GetCharCount(bytes, 0, CharacterStart(bytes, byteOffsets[i])) - shift),
            logProbabilities[i + skip],
            tops[i + skip] ?? empty))];
    }

    // A byte token inside a multi-byte character starts where that character starts.
    private static int CharacterStart(byte[] bytes, int offset)
    {
        while (offset > 0 && offset < bytes.Length && (bytes[offset] & 0xC0) == 0x80)
            offset--;
        return offset;
    }

    private Dictionary<string, double> Top(Span<float> logits, double logSumExp, int topK)
    {
        var top = new Dictionary<string, double>();
        if (topK == 0)
            return top;
        var best = new PriorityQueue<int, float>();
        for (var id = 0; id < logits.Length; id++)
        {
            best.Enqueue(id, logits[id]);
            if (best.Count > topK)
                best.Dequeue();
        }
        while (best.TryDequeue(out var id, out var logit))
        {
            var piece = Encoding.UTF8.GetString(Piece((LLamaToken)id));
            top[piece] = Math.Max(top.GetValueOrDefault(piece, double.NegativeInfinity), logit - logSumExp);
        }
        return top;
    }

    private byte[] Piece(LLamaToken token)
    {
        var buffer = new byte[64];
        var length = (int)weights.NativeHandle.TokenToSpan(token, buffer, 0, true);
        if (length > buffer.Length)
        {
            buffer = new byte[length];
            length = (int)weights.NativeHandle.TokenToSpan(token, buffer, 0, true);
        }
        return buffer[..length];
    }
}
