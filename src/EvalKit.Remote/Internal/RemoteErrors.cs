using System.ClientModel;
using EvalKit.Core;
using EvalKit.Remote.Wire;
using Polly.Timeout;

namespace EvalKit.Remote.Internal;

/// <summary>The wording of remote-endpoint failures: which endpoint, what status, and what to do.</summary>
internal static class RemoteErrors
{
    public static EvalKitException RequestFailed(Uri endpoint, OpenAiBackendOptions options, Exception failure, int attempts)
    {
        var after = attempts > 1 ? $" after {attempts} attempts" : "";
        switch (failure)
        {
            case ClientResultException { Status: 404 } http:
                return new(
                    $"{endpoint} answered HTTP 404 (Not Found) for model '{options.Model}': {ServerMessage(http)}",
                    $"Check the model name after '#' in the model source; GET {options.BaseUrl.ToString().TrimEnd('/')}/models lists the models this server serves.",
                    ErrorKind.BadInput, failure);
            case ClientResultException { Status: 401 or 403 } http:
                return new(
                    $"{endpoint} refused the request: HTTP {http.Status} ({Reason(http)}): {ServerMessage(http)}",
                    options.ApiKeyEnvironmentVariable is null
                        ? "The server wants an API key: name the environment variable that holds it (api_key_env in evalkit.yaml, or --api-key-env)."
                        : $"Check the API key in the environment variable {options.ApiKeyEnvironmentVariable}.",
                    ErrorKind.BadInput, failure);
            case ClientResultException { Status: > 0 } http:
                return new(
                    $"{endpoint} failed{after}: HTTP {http.Status} ({Reason(http)}): {ServerMessage(http)}",
                    RetryIsTransient(failure)
                        ? "The server kept failing. Check that it is up and healthy, lower this model's concurrency, or raise its retries and timeout in evalkit.yaml."
                        : "The server rejected the request; check that it supports this endpoint and these parameters.",
                    ErrorKind.RuntimeFailure, failure);
            case TimeoutRejectedException:
                return new(
                    $"{endpoint} did not finish within {options.RequestTimeout.TotalSeconds:0.###} s{after}.",
                    "The server may be overloaded or the completion long: raise timeout_s for this model in evalkit.yaml or lower its concurrency.",
                    ErrorKind.RuntimeFailure, failure);
            default:
                return new(
                    $"{endpoint} failed{after}: {Describe(failure)}",
                    "Check the URL, that the server is running and reachable from this machine, and that it speaks the OpenAI API.",
                    ErrorKind.RuntimeFailure, failure);
        }
    }

    private static bool RetryIsTransient(Exception failure) => RetryStrategy.IsTransient(failure);

    private static string Describe(Exception failure)
    {
        var inner = failure;
        while (inner.InnerException is not null && inner is ClientResultException or HttpRequestException)
            inner = inner.InnerException;
        return failure is ClientResultException { Status: 0 } ? "no response (" + inner.Message + ")" : inner.Message;
    }

    private static string Reason(ClientResultException http) =>
        http.GetRawResponse()?.ReasonPhrase is { Length: > 0 } reason ? reason : "no reason given";

    /// <summary>The <c>error.message</c> of an OpenAI-style error body, else the start of the body.</summary>
    private static string ServerMessage(ClientResultException http)
    {
        string body;
        try
        {
            body = http.GetRawResponse()?.Content?.ToString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return "(no body)";
        }
        if (WireJson.ErrorMessage(body) is { } message)
            return message;
        body = body.Trim();
        return body.Length == 0 ? "(empty body)" : body.Length > 200 ? body[..200] + "…" : body;
    }
}
