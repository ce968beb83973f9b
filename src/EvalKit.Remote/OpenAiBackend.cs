using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Remote.Internal;
using OpenAI;
using OpenAI.Chat;
using Polly;

namespace EvalKit.Remote;

/// <summary>
/// A model behind an OpenAI-compatible endpoint, reached through the official OpenAI .NET client. Raw prompts go to
/// <c>/completions</c>, chat messages to <c>/chat/completions</c>; every request is streamed so time to first token
/// is measured, and token counts come from the usage the server reports (else they are estimated and marked so).
/// Safe to call concurrently: up to <see cref="OpenAiBackendOptions.Concurrency"/> requests run at once (the server
/// batches them), the rest wait their turn; transient faults are retried with
/// backoff. A request that still fails throws an <see cref="EvalKitException"/> naming the endpoint and the status.
/// Log-likelihoods (<see cref="ILogLikelihood"/>, <see cref="ITokenLogProbs"/>) are asked of <c>/completions</c> with
/// <c>echo</c> and <c>logprobs</c>, which only servers that return prompt log-probabilities answer (see docs/remote.md).
/// </summary>
public sealed class OpenAiBackend : IModelBackend, ILogLikelihood, ITokenLogProbs
{
    private readonly OpenAiBackendOptions _options;
    private readonly ChatClient _chat;
    private readonly ResiliencePipeline _retries;
    private readonly SemaphoreSlim _slots;

    private OpenAiBackend(OpenAiBackendOptions options, AuthenticationPolicy authentication)
    {
        _options = options;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            // Polly owns retries and timeouts (it must also cover failures in the middle of a stream).
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(10),
            Transport = new HttpClientPipelineTransport(new HttpClient(new LineLimitHandler(CompletionStream.MaxLineBytes(AnswerLimit.MaxChars)))),
        };
#pragma warning disable OPENAI001 // evaluation-only constructor; it is the one that lets key-less servers get no Authorization header
        _chat = new ChatClient(options.Model, authentication, clientOptions);
#pragma warning restore OPENAI001
        _retries = RetryStrategy.Create(options);
        _slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        Info = Describe(options);
    }

    public ModelInfo Info { get; }

    /// <summary>Checks the options and reads the API key from the named environment variable. Sends nothing.</summary>
    /// <exception cref="EvalKitException">An option is out of range, or the named environment variable is not set.</exception>
    public static OpenAiBackend Create(OpenAiBackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        AuthenticationPolicy authentication = new NoAuthenticationPolicy();
        if (options.ApiKeyEnvironmentVariable is { } variable)
        {
            var key = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(key))
                throw new EvalKitException(
                    $"The environment variable {variable}, named as the API key of model '{options.Name ?? options.Model}', is not set.",
                    $"Set it before running (export {variable}=...); keys are read from the environment only, never from the command line.");
            authentication = ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(key));
        }
        return new OpenAiBackend(options, authentication);
    }

    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Parameters.MaxTokens, nameof(request));
        var chat = request.Messages is not null;
        var endpoint = new Uri(_options.BaseUrl.ToString().TrimEnd('/') + (chat ? "/chat/completions" : "/completions"));
        var promptText = chat ? string.Concat(request.Messages!.Select(m => m.Content)) : request.Prompt ?? "";
        _ = RequestBody.For(_options.Model, request); // a malformed request fails here, before anything is sent

        await _slots.WaitAsync(cancellationToken);
        var attempts = 0;
        try
        {
            var completion = await _retries.ExecuteAsync(async token =>
            {
                attempts++;
                return await AttemptAsync(request, chat, promptText, token);
            }, cancellationToken);
            return chat ? completion : completion with { RenderedPrompt = request.Prompt };
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw RemoteErrors.RequestFailed(endpoint, _options, ex, attempts);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Scores <c>context + continuation</c> in one echo request and sums from the token holding the continuation's first character.</remarks>
    public async Task<LogLikelihoodResult> LogLikelihoodAsync(string context, string continuation, CancellationToken cancellationToken = default)
    {
        var (trimmed, moved) = ContinuationScore.Split(context, continuation);
        var tokens = await TokenLogProbsAsync(trimmed + moved, 1, cancellationToken);
        return ContinuationScore.From(tokens, trimmed.Length);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TokenLogProb>> TokenLogProbsAsync(string text, int topK, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var endpoint = new Uri(_options.BaseUrl.ToString().TrimEnd('/') + "/completions");
        await _slots.WaitAsync(cancellationToken);
        var attempts = 0;
        try
        {
            return await _retries.ExecuteAsync(async token =>
            {
                attempts++;
                var requestOptions = new RequestOptions { CancellationToken = token };
                using var response = await SendCompletionAsync(EchoRequest.For(_options.Model, text, topK), requestOptions, stream: false);
                return EchoRequest.Parse(response.Content, text);
            }, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw RemoteErrors.RequestFailed(endpoint, _options, ex, attempts);
        }
        finally
        {
            _slots.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _slots.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Completion> AttemptAsync(GenerationRequest request, bool chat, string promptText, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var body = RequestBody.For(_options.Model, request);
        var requestOptions = new RequestOptions { CancellationToken = cancellationToken, BufferResponse = false };
        using var response = chat
            ? (await _chat.CompleteChatAsync(body, requestOptions)).GetRawResponse()
            : await SendCompletionAsync(body, requestOptions);
        if (response.Headers.TryGetValue("Content-Type", out var contentType) && contentType is { } type && IsHtml(type))
            throw new NotAnEventStreamException(type);
        var stream = response.ContentStream ?? throw new BrokenStreamException("the response had no body");
        return await CompletionStream.ReadAsync(
            stream, chat, clock, _options.IdleTimeout, promptText, AnswerLimit.Chars(request.Parameters.MaxTokens), cancellationToken);
    }

    private static bool IsHtml(string contentType) =>
        contentType.Split(';')[0].Trim() is var media
        && (media.Equals("text/html", StringComparison.OrdinalIgnoreCase) || media.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    // The SDK keeps its legacy completions client internal, so /completions goes through the chat client's pipeline
    // (same authentication, transport and error handling).
    private async Task<PipelineResponse> SendCompletionAsync(BinaryContent body, RequestOptions requestOptions, bool stream = true)
    {
        using var message = _chat.Pipeline.CreateMessage();
        message.Request.Method = "POST";
        message.Request.Uri = new Uri(_options.BaseUrl.ToString().TrimEnd('/') + "/completions");
        message.Request.Headers.Set("Content-Type", "application/json");
        message.Request.Headers.Set("Accept", stream ? "text/event-stream" : "application/json");
        message.Request.Content = body;
        message.BufferResponse = !stream;
        message.Apply(requestOptions);
        await _chat.Pipeline.SendAsync(message);
        var response = message.ExtractResponse() ?? throw new BrokenStreamException("no response");
        // CreateAsync buffers the (small) error body so the message can quote it.
        return response.IsError ? throw await ClientResultException.CreateAsync(response) : response;
    }

    private static void Validate(OpenAiBackendOptions options)
    {
        string? problem = null;
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
            problem = $"the base URL must be an absolute http(s) URL, not '{options.BaseUrl}'";
        else if (string.IsNullOrWhiteSpace(options.Model))
            problem = "a model name is required (openai:URL#MODEL)";
        else if (options.Concurrency < 1)
            problem = $"concurrency must be at least 1, not {options.Concurrency}";
        else if (options.RequestTimeout <= TimeSpan.Zero || options.IdleTimeout <= TimeSpan.Zero)
            problem = "timeouts must be positive";
        else if (options.MaxRetries < 0)
            problem = $"retries must be 0 or more, not {options.MaxRetries}";
        if (problem is not null)
            throw new EvalKitException($"Invalid OpenAI endpoint settings for model '{options.Name ?? options.Model}': {problem}.",
                "Fix the model source (openai:http://host:8000/v1#model-name) or its entry in evalkit.yaml.");
    }

    private static ModelInfo Describe(OpenAiBackendOptions options)
    {
        var details = new Dictionary<string, string>
        {
            ["base_url"] = options.BaseUrl.ToString(),
            ["model"] = options.Model,
            ["concurrency"] = options.Concurrency.ToString(CultureInfo.InvariantCulture),
            ["timeout_s"] = options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["idle_timeout_s"] = options.IdleTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["max_retries"] = options.MaxRetries.ToString(CultureInfo.InvariantCulture),
        };
        if (options.ApiKeyEnvironmentVariable is { } variable)
            details["api_key_env"] = variable; // the variable's name only, never its value
        return new ModelInfo
        {
            Name = options.Name ?? options.Model,
            Backend = "openai",
            Source = $"openai:{options.BaseUrl}#{options.Model}",
            Details = details,
        };
    }
}
