using System.Text.Json;
using System.Text.Json.Nodes;
using EvalKit.Core;
using EvalKit.Core.Backends;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>
/// Serves one completion request: parse, check the model name, generate, answer whole or as server-sent events.
/// The backend decides how requests share the model (a local model runs them one at a time; the rest queue).
/// </summary>
internal sealed class CompletionHandler(IModelBackend backend, string modelName)
{
    public async Task HandleAsync(HttpContext http, bool chat)
    {
        var aborted = http.RequestAborted;
        ServerRequest request;
        Completion completion;
        try
        {
            request = ServerRequest.Parse(await ReadBodyAsync(http.Request, aborted), chat);
            if (request.Model != modelName)
                throw new ApiException(new ApiError(StatusCodes.Status404NotFound,
                    $"The model '{request.Model}' does not exist; this server serves '{modelName}'.", "model", "model_not_found"));
            completion = await backend.GenerateAsync(request.Generation, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return; // the client went away
        }
        catch (Exception ex)
        {
            await ErrorFor(ex).WriteAsync(http.Response);
            return;
        }

        var responses = new ServerResponses(modelName, chat);
        if (!request.Stream)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(responses.Whole(completion).ToJsonString(), aborted);
            return;
        }
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        foreach (var chunk in responses.Chunks(completion, request.IncludeUsage))
            await WriteEventAsync(http.Response, chunk.ToJsonString(), aborted);
        await WriteEventAsync(http.Response, "[DONE]", aborted);
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
        // A prompt longer than the context, an empty prompt: the request's fault, not the server's.
        EvalKitException { ExitCode: ExitCodes.BadInput } bad => ApiError.BadRequest(bad.Message),
        ArgumentException bad => ApiError.BadRequest(bad.Message),
        _ => new ApiError(StatusCodes.Status500InternalServerError, exception.Message),
    };

    private static async Task WriteEventAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + data + "\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
