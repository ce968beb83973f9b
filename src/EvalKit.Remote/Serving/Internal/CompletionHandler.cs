using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using EvalKit.Core;
using EvalKit.Core.Backends;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>
/// Serves one completion request: parse, check the model name, generate, answer whole or as server-sent events.
/// A backend that can stream (<see cref="IStreamingBackend"/>) sends text as it is generated; others send it at the
/// end. The backend decides how concurrent requests share the model (a local model decodes up to its slot count
/// together, and the rest queue).
/// </summary>
internal sealed class CompletionHandler(IModelBackend backend, string modelName)
{
    public async Task HandleAsync(HttpContext http, bool chat)
    {
        var aborted = http.RequestAborted;
        var responses = new ServerResponses(modelName, chat);
        try
        {
            var request = ServerRequest.Parse(await ReadBodyAsync(http.Request, aborted), chat);
            if (request.Model != modelName)
                throw new ApiException(new ApiError(StatusCodes.Status404NotFound,
                    $"The model '{request.Model}' does not exist; this server serves '{modelName}'.", "model", "model_not_found"));
            if (request.Echo || request.LogProbs is not null)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync((await ScoredAsync(request, responses, aborted)).ToJsonString(), aborted);
                return;
            }
            if (!request.Stream)
            {
                var completion = await backend.GenerateAsync(request.Generation, aborted);
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(responses.Whole(completion).ToJsonString(), aborted);
                return;
            }
            await StreamAsync(http.Response, request, responses, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            await ErrorFor(ex).WriteAsync(http.Response);
        }
        catch (Exception ex)
        {
            // The status line is gone; say it in the stream, as OpenAI-compatible servers do.
            await WriteEventAsync(http.Response, new JsonObject { ["error"] = new JsonObject { ["message"] = ErrorFor(ex).Message, ["type"] = "server_error" } }.ToJsonString(), CancellationToken.None);
        }
    }

    // echo and logprobs (completions): the text generated (none with max_tokens 0) is scored with the prompt in front of
    // it, so every token's log-probability comes from one forward pass over prompt + answer, as a server with prompt
    // log-probabilities answers; without echo only the answer's tokens are listed.
    private async Task<JsonObject> ScoredAsync(ServerRequest request, ServerResponses responses, CancellationToken aborted)
    {
        var prompt = request.Generation.Prompt!;
        var completion = request.Generation.Parameters.MaxTokens > 0
            ? await backend.GenerateAsync(request.Generation, aborted)
            : new Completion { Text = "", FinishReason = FinishReason.Length };
        IReadOnlyList<TokenLogProb>? tokens = null;
        if (request.LogProbs is { } topK)
        {
            if (backend is not ITokenLogProbs scorer)
                throw new ApiException(ApiError.BadRequest($"The model '{modelName}' cannot return log-probabilities.", "logprobs"));
            var scored = await scorer.TokenLogProbsAsync(prompt + completion.Text, topK, aborted);
            tokens = request.Echo ? scored : [.. scored.Where(t => t.Offset >= prompt.Length)];
        }
        return responses.Scored(completion, request.Echo ? prompt : "", tokens);
    }

    // Nothing is written before the first piece, so a request that fails early still gets a proper error status.
    private async Task StreamAsync(HttpResponse response, ServerRequest request, ServerResponses responses, CancellationToken aborted)
    {
        var pieces = Channel.CreateUnbounded<string>();
        var generation = Task.Run(async () =>
        {
            try
            {
                return backend is IStreamingBackend streaming
                    ? await streaming.GenerateAsync(request.Generation, piece => pieces.Writer.TryWrite(piece), aborted)
                    : await backend.GenerateAsync(request.Generation, aborted);
            }
            finally
            {
                pieces.Writer.Complete();
            }
        }, aborted);

        var started = false;
        await foreach (var piece in pieces.Reader.ReadAllAsync(aborted))
        {
            started = await BeginAsync(response, responses, started, aborted);
            await WriteEventAsync(response, responses.Text(piece).ToJsonString(), aborted);
        }
        var completion = await generation;
        await BeginAsync(response, responses, started, aborted);
        if (backend is not IStreamingBackend && completion.Text.Length > 0)
            await WriteEventAsync(response, responses.Text(completion.Text).ToJsonString(), aborted);
        foreach (var chunk in responses.End(completion, request.IncludeUsage))
            await WriteEventAsync(response, chunk.ToJsonString(), aborted);
        await WriteEventAsync(response, "[DONE]", aborted);
    }

    private static async Task<bool> BeginAsync(HttpResponse response, ServerResponses responses, bool started, CancellationToken aborted)
    {
        if (started)
            return true;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        foreach (var chunk in responses.Start())
            await WriteEventAsync(response, chunk.ToJsonString(), aborted);
        return true;
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new ApiException(ApiError.BadRequest("The request body is not valid JSON: " + ex.Message));
        }
    }

    private static ApiError ErrorFor(Exception exception) => exception switch
    {
        ApiException api => api.Error,
        EvalKitException known => new ApiError(ErrorStatus.Of(known.Kind), known.Message),
        ArgumentException bad => ApiError.BadRequest(bad.Message),
        _ => new ApiError(StatusCodes.Status500InternalServerError, exception.Message),
    };

    private static async Task WriteEventAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + data + "\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
