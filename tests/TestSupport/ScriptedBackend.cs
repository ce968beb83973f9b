using System.Collections.Concurrent;
using EvalKit.Core.Backends;

namespace EvalKit.TestSupport;

/// <summary>
/// The one in-memory backend of the unit tests, to pin down runner and server logic: it answers from a script
/// (prompt → text, or "prompt#seed" → text for one seed, or a function of the request), or, made with
/// <see cref="Held"/>, keeps each request open until the test releases its prompt. It records every request and the
/// most ever open at once. Every user-visible behaviour is also proven through the real llama.cpp backend and over HTTP.
/// </summary>
public sealed class ScriptedBackend : IModelBackend
{
    /// <summary>A scripted answer that fails the request instead.</summary>
    public const string Crash = "<crash>";

    private readonly Func<GenerationRequest, string> _answer;
    private readonly bool _held;
    private readonly Lock _lock = new();
    private readonly List<GenerationRequest> _requests = [];
    private readonly Dictionary<string, TaskCompletionSource<string>> _released = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _asked = new();
    private int _open;

    public ScriptedBackend(string name, IReadOnlyDictionary<string, string> answers)
        : this(name, request => answers.TryGetValue($"{Key(request)}#{request.Parameters.Seed}", out var seeded) ? seeded
            : answers.TryGetValue(Key(request), out var answer) ? answer : "")
    {
    }

    public ScriptedBackend(string name, Func<GenerationRequest, string> answer) : this(name, answer, held: false)
    {
    }

    private ScriptedBackend(string name, Func<GenerationRequest, string> answer, bool held)
    {
        _answer = answer;
        _held = held;
        Info = new() { Name = name, Backend = "scripted", Source = "memory:" + name };
    }

    /// <summary>A backend whose every request stays open until <see cref="Release"/> answers its prompt.</summary>
    public static ScriptedBackend Held(string name) => new(name, _ => "", held: true);

    public ModelInfo Info { get; }

    public int Calls => Requests.Count;

    public IReadOnlyList<GenerationRequest> Requests
    {
        get
        {
            lock (_lock)
                return [.. _requests];
        }
    }

    public bool Disposed { get; private set; }

    public int MostOpen { get; private set; }

    public int Open
    {
        get
        {
            lock (_lock)
                return _open;
        }
    }

    /// <summary>Ends the held request for <paramref name="prompt"/> (now or when it comes) with <paramref name="answer"/>; null fails it.</summary>
    public void Release(string prompt, string? answer)
    {
        var pending = Pending(prompt);
        if (answer is null)
            pending.TrySetException(new InvalidOperationException("scripted failure for " + prompt));
        else
            pending.TrySetResult(answer);
    }

    /// <summary>Completes once a request for <paramref name="prompt"/> has been sent.</summary>
    public TaskCompletionSource Asked(string prompt) => _asked.GetOrAdd(prompt, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var key = Key(request);
        lock (_lock)
        {
            _requests.Add(request);
            MostOpen = Math.Max(MostOpen, ++_open);
        }
        try
        {
            Asked(key).TrySetResult();
            var text = _held ? await Pending(key).Task.WaitAsync(cancellationToken) : _answer(request);
            if (text == Crash)
                throw new InvalidOperationException("scripted failure for " + key);
            return new Completion
            {
                Text = text,
                PromptTokens = key.Length,
                CompletionTokens = text.Length,
                TimeToFirstToken = TimeSpan.FromMilliseconds(1),
                TotalTime = TimeSpan.FromMilliseconds(2),
                FinishReason = FinishReason.Stop,
                RenderedPrompt = key,
            };
        }
        finally
        {
            lock (_lock)
                _open--;
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private static string Key(GenerationRequest request) => request.Prompt ?? request.Messages!.Last().Content;

    private TaskCompletionSource<string> Pending(string prompt)
    {
        lock (_lock)
        {
            if (!_released.TryGetValue(prompt, out var pending))
                _released[prompt] = pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return pending;
        }
    }
}
