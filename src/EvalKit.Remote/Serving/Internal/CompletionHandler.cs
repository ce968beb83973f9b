using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Remote.Internal;
using EvalKit.Remote.Wire;
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
            ServerRequest request;
            using (var body = await ReadBodyAsync(http.Request, aborted))
                request = ServerRequest.Parse(body, chat);
            if (request.Model != modelName)
                throw new ApiException(new ApiError(StatusCodes.Status404NotFound,
                    $"The model '{request.Model}' does not exist; this server serves '{modelName}'.", "model", "model_not_found"));
            if (request.Echo || request.LogProbs is not null)
            {
                await WriteJsonAsync(http.Response, await ScoredAsync(request, responses, aborted), aborted);
                return;
            }
            if (!request.Stream)
            {
                var completion = await backend.GenerateAsync(request.Generation, aborted);
                await WriteJsonAsync(http.Response, responses.Whole(completion), aborted);
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
            var error = ErrorFor(ex) with { Status = StatusCodes.Status500InternalServerError };
            await EventStream.WriteAsync(new[] { new WireEvent(error.Body) }.ToAsyncEnumerable(), http.Response.Body, CancellationToken.None);
        }
    }

    // echo and logprobs (completions): the text generated (none with max_tokens 0) is scored with the prompt in front of
    // it, so every token's log-probability comes from one forward pass over prompt + answer, as a server with prompt
    // log-probabilities answers; without echo only the answer's tokens are listed.
    private async Task<WireResponse> ScoredAsync(ServerRequest request, ServerResponses responses, CancellationToken aborted)
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
        await using var pieces = BackendStream.GenerateAsync(backend, request.Generation, aborted).GetAsyncEnumerator(aborted);
        await pieces.MoveNextAsync();
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await EventStream.WriteAsync(Events(pieces, request, responses), response.Body, aborted);
    }

    private static async IAsyncEnumerable<WireEvent> Events(IAsyncEnumerator<BackendStream.Piece> pieces, ServerRequest request, ServerResponses responses)
    {
        foreach (var chunk in responses.Start())
            yield return new WireEvent(chunk);
        while (pieces.Current.Completion is null)
        {
            yield return new WireEvent(responses.Text(pieces.Current.Text));
            await pieces.MoveNextAsync();
        }
        foreach (var chunk in responses.End(pieces.Current.Completion, request.IncludeUsage))
            yield return new WireEvent(chunk);
        yield return WireEvent.Done;
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
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

    private static Task WriteJsonAsync(HttpResponse response, WireResponse answer, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(response.Body, answer, WireJson.Default.WireResponse, cancellationToken);
    }
}
