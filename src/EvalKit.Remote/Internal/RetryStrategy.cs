using System.ClientModel;
using System.Globalization;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EvalKit.Remote.Internal;

/// <summary>
/// The Polly pipeline around one whole streamed request: a per-attempt timeout inside retries with exponential
/// backoff and jitter on transient faults (429, 408, 5xx, connection faults, stalled or broken streams). A delay the
/// server asks for with Retry-After (or retry-after-ms) replaces the backoff, capped at the configured maximum.
/// </summary>
internal static class RetryStrategy
{
    public static ResiliencePipeline Create(OpenAiBackendOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, options.MaxRetryDelay)),
            });
        }
        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException http => http.Status is 0 or 408 or 429 or >= 500,
        TimeoutRejectedException or StreamStalledException or BrokenStreamException => true,
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>The wait a 429 or 503 response asks for, or null to use the backoff.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, TimeSpan max)
    {
        if (exception is not ClientResultException { } http || http.GetRawResponse() is not { } response)
            return null;
        TimeSpan? wait = null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, CultureInfo.InvariantCulture, out var millis))
            wait = TimeSpan.FromMilliseconds(millis);
        else if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, CultureInfo.InvariantCulture, out var seconds))
                wait = TimeSpan.FromSeconds(seconds);
            else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                wait = at - DateTimeOffset.UtcNow;
        }
        if (wait is null)
            return null;
        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > max ? max : wait.Value;
    }
}
