using System.Diagnostics;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Continuous batching, as llama-server's slots and LLamaSharp's BatchedExecutor do it: concurrent requests wait in
/// one queue for one of N slots (slot i is sequence i of the context). A request that gets a slot has its prompt
/// decoded in a batch of new prompts only, then every busy slot adds its next token to one shared decode per step; a
/// slot freed by a finished, failed or cancelled request is taken by the next queued one before the next step.
/// Each sequence samples and stops as <see cref="GenerationSequence"/> decides, so with one slot this is the
/// one-at-a-time loop. Work that drives the model directly takes an exclusive turn (<see cref="ExclusiveAsync"/>):
/// queued requests then wait while the busy slots finish, the turn runs, and the queue resumes.
/// </summary>
internal sealed class SlotScheduler(LLamaWeights weights, PromptRenderer renderer, Func<LLamaContext> openContext, int slots, int sequenceContextSize)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Queue<Job> _queue = new();
    private readonly Job?[] _slots = new Job?[slots];
    private LLamaContext? _context;
    private NativeBatch? _batch;
    private int _exclusiveWaiting;
    private bool _running;
    private bool _closed;

    /// <summary>Queues a request; the task ends with its completion, its own error, or its cancellation.</summary>
    public Task<Completion> GenerateAsync(GenerationRequest request, Action<string>? onText, CancellationToken cancellationToken)
    {
        var job = new Job(request, onText, cancellationToken);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _queue.Enqueue(job);
            if (!_running)
            {
                _running = true;
                _ = Task.Run(LoopAsync, CancellationToken.None);
            }
        }
        return job.Completion;
    }

    /// <summary>The model to the caller alone until the turn is disposed: no slot is busy meanwhile.</summary>
    public async Task<IDisposable> ExclusiveAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _exclusiveWaiting);
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _exclusiveWaiting);
        }
        return new Turn(_gate);
    }

    /// <summary>Fails every queued request; call during an exclusive turn, before disposing the model.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            while (_queue.TryDequeue(out var job))
                job.Fail(new ObjectDisposedException(nameof(LlamaBackend)));
        }
        _batch?.Dispose();
        // The one-slot scheduler borrows the backend's context; a larger one owns its own.
        if (slots > 1)
            _context?.Dispose();
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            await _gate.WaitAsync();
            try
            {
                if (!Volatile.Read(ref _closed))
                    RunWhileBusy();
            }
            catch (Exception ex)
            {
                // Not expected (decode and sampling errors are caught per request), but no caller may wait forever.
                for (var i = 0; i < _slots.Length; i++)
                    Free(i, ex);
            }
            finally
            {
                _gate.Release();
            }
            lock (_lock)
            {
                if (_closed || _queue.Count == 0)
                {
                    _running = false;
                    return;
                }
            }
            // Requests are still queued: an exclusive turn is waiting, and the gate goes to it first.
        }
    }

    // Steps until no slot is busy and no request can be admitted (the queue is empty, or an exclusive turn waits).
    private void RunWhileBusy()
    {
        while (true)
        {
            DropEnded();
            Admit();
            DropEnded();
            if (IsIdle())
                return;
            var batch = _batch!;
            batch.Clear();
            for (var i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] is { } job)
                    job.LogitsIndex = job.Sequence!.AddNextTo(batch, (LLamaSeqId)i);
            }
            if (!TryDecode(null))
                continue;
            for (var i = 0; i < _slots.Length; i++)
                Advance(i);
        }
    }

    private void Admit()
    {
        List<int>? admitted = null;
        while (Volatile.Read(ref _exclusiveWaiting) == 0 && Array.IndexOf(_slots, null) is var slot and >= 0 && Dequeue() is { } job)
        {
            try
            {
                var context = _context ??= openContext();
                _batch ??= new NativeBatch(Math.Max((int)context.BatchSize, slots));
                job.Clock.Start();
                var (text, tokens) = renderer.Render(job.Request);
                GenerationSequence.CheckPrompt(tokens, sequenceContextSize);
                job.Sequence = new GenerationSequence(weights, context, text, tokens, job.Request.Parameters, sequenceContextSize, job.Clock, job.OnText);
                // Clearing metadata only is enough for reuse; clearing the buffers too would cost a full memset.
                if (IsIdle())
                    context.NativeHandle.MemoryClear(false);
                else
                    context.NativeHandle.MemorySequenceRemove((LLamaSeqId)slot, 0, -1);
            }
            catch (Exception ex)
            {
                job.Fail(ex);
                continue;
            }
            _slots[slot] = job;
            (admitted ??= []).Add(slot);
        }
        if (admitted is not null)
            DecodePrompts(admitted);
    }

    // New prompts share prompt-only decodes of up to the batch size; a sequence samples its first token right after
    // the decode that holds its prompt's last token (the next decode overwrites those logits).
    private void DecodePrompts(List<int> admitted)
    {
        var chunk = Math.Max(1, (int)_context!.BatchSize);
        var ready = new List<int>();
        var batch = _batch!;
        batch.Clear();
        foreach (var slot in admitted)
        {
            var prompt = _slots[slot]!.Sequence!.Prompt;
            for (var position = 0; position < prompt.Length; position++)
            {
                if (batch.TokenCount == chunk && !Flush())
                    return;
                var last = position == prompt.Length - 1;
                var index = batch.Add(prompt[position], position, (LLamaSeqId)slot, last);
                if (last)
                {
                    _slots[slot]!.LogitsIndex = index;
                    ready.Add(slot);
                }
            }
        }
        Flush();

        bool Flush()
        {
            if (!TryDecode(admitted))
                return false;
            foreach (var slot in ready)
                Advance(slot);
            ready.Clear();
            batch.Clear();
            return true;
        }
    }

    // A failed decode fails the requests it held (null: every busy slot); the others (and the scheduler) carry on.
    private bool TryDecode(List<int>? holders)
    {
        try
        {
            NativeDecode.Run(_context!, _batch!);
            return true;
        }
        catch (Exception ex)
        {
            foreach (var slot in holders ?? Busy())
                Free(slot, ex);
            return false;
        }
    }

    private bool IsIdle() => Array.TrueForAll(_slots, s => s is null);

    private void Advance(int slot)
    {
        if (_slots[slot] is not { } job || job.Ended)
            return;
        try
        {
            if (!job.Sequence!.Advance(job.LogitsIndex))
            {
                job.Complete(job.Sequence.ToCompletion());
                Free(slot, null);
            }
        }
        catch (Exception ex)
        {
            Free(slot, ex);
        }
    }

    // Cancelled requests give their slots up between steps.
    private void DropEnded()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is { Ended: true })
                Free(i, null);
        }
    }

    private void Free(int slot, Exception? error)
    {
        if (_slots[slot] is not { } job)
            return;
        if (error is not null)
            job.Fail(error);
        job.Dispose();
        _slots[slot] = null;
    }

    private List<int> Busy() => [.. Enumerable.Range(0, _slots.Length).Where(i => _slots[i] is not null)];

    private Job? Dequeue()
    {
        lock (_lock)
        {
            while (_queue.TryDequeue(out var job))
            {
                if (!job.Ended)
                    return job;
            }
            return null;
        }
    }

    private sealed class Job
    {
        private readonly TaskCompletionSource<Completion> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _cancellation;

        public Job(GenerationRequest request, Action<string>? onText, CancellationToken cancellationToken)
        {
            Request = request;
            OnText = onText;
            _cancellation = cancellationToken.Register(() => _done.TrySetCanceled(cancellationToken));
        }

        public GenerationRequest Request { get; }

        public Action<string>? OnText { get; }

        /// <summary>Started when the request gets its slot: time spent queued is not counted.</summary>
        public Stopwatch Clock { get; } = new();

        public GenerationSequence? Sequence { get; set; }

        public int LogitsIndex { get; set; }

        public Task<Completion> Completion => _done.Task;

        public bool Ended => _done.Task.IsCompleted;

        public void Complete(Completion completion) => _done.TrySetResult(completion);

        public void Fail(Exception error) => _done.TrySetException(error);

        public void Dispose()
        {
            _cancellation.Dispose();
            Sequence?.Dispose();
        }
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
