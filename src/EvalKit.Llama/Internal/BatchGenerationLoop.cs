using System.Diagnostics;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Generates several requests at once as parallel sequences (sequence id = request index) in one context: all
/// prompts are packed into batch-sized decodes, then every unfinished sequence adds its next token to one shared
/// decode per step. Each sequence samples and stops exactly as <see cref="GenerationLoop"/> does. Not thread-safe.
/// </summary>
internal sealed class BatchGenerationLoop(LLamaWeights weights, LLamaContext context, int sequenceContextSize)
{
    private readonly LLamaBatch _batch = new();

    public IReadOnlyList<Completion> Run(
        IReadOnlyList<(string Text, LLamaToken[] Tokens, GenerationParameters Parameters)> requests, Stopwatch clock, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
            GenerationLoop.CheckPrompt(request.Tokens, sequenceContextSize);
        cancellationToken.ThrowIfCancellationRequested();
        context.NativeHandle.MemoryClear(false);
        var sequences = requests.Select(r => new GenerationSequence(weights, context, r.Text, r.Tokens, r.Parameters, sequenceContextSize)).ToList();
        try
        {
            DecodePrompts(sequences, clock, cancellationToken);
            var active = Enumerable.Range(0, sequences.Count).Where(i => !sequences[i].Finished).ToList();
            var logitsIndex = new int[sequences.Count];
            while (active.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _batch.Clear();
                foreach (var i in active)
                    logitsIndex[i] = sequences[i].AddNextTo(_batch, (LLamaSeqId)i);
                NativeDecode.Run(context, _batch);
                active.RemoveAll(i => !sequences[i].Advance(logitsIndex[i], clock));
            }
            return [.. sequences.Select(s => s.ToCompletion())];
        }
        finally
        {
            sequences.ForEach(s => s.Dispose());
        }
    }

    // A sequence samples its first token right after the decode that holds its prompt's last token: the next decode overwrites those logits.
    private void DecodePrompts(List<GenerationSequence> sequences, Stopwatch clock, CancellationToken cancellationToken)
    {
        var chunk = Math.Max(1, (int)context.BatchSize);
        var ready = new List<(int Sequence, int LogitsIndex)>();
        _batch.Clear();
        for (var i = 0; i < sequences.Count; i++)
        {
            var prompt = sequences[i].Prompt;
            for (var position = 0; position < prompt.Length; position++)
            {
                if (_batch.TokenCount == chunk)
                    Flush();
                var last = position == prompt.Length - 1;
                var index = _batch.Add(prompt[position], position, (LLamaSeqId)i, last);
                if (last)
                    ready.Add((i, index));
            }
        }
        Flush();

        void Flush()
        {
            cancellationToken.ThrowIfCancellationRequested();
            NativeDecode.Run(context, _batch);
            foreach (var (sequence, index) in ready)
                sequences[sequence].Advance(index, clock);
            ready.Clear();
            _batch.Clear();
        }
    }
}
