using Confluent.Kafka;

namespace Crema.Scalers.Kafka;

/// <summary>Running one request: timeouts, credentials, connection failures and their wording.</summary>
internal sealed partial class KafkaAdmin
{
    /// <summary>
    /// Runs a request; fails it at once when a connection failure is reported meanwhile, and words
    /// any failure with who connects and the last thing librdkafka reported.
    /// </summary>
    private async Task<T> RunAsync<T>(string what, Func<Task<T>> request, CancellationToken cancellationToken)
    {
        var failure = errors.PendingFailure();
        try
        {
            return await RunOnceAsync(what, request, failure, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            errors.Consume(failure);
        }
    }

    private async Task<T> RunOnceAsync<T>(string what, Func<Task<T>> request, Task<string> failure, CancellationToken cancellationToken)
    {
        Task<T> task;
        try
        {
            task = request();
        }
        catch (KafkaException e)
        {
            throw Fail(what, e.Error.Reason);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // librdkafka enforces RequestTimeout itself; this only bounds a request it never answers.
        timeout.CancelAfter(KafkaClientConfig.RequestTimeout + TimeSpan.FromSeconds(5));
        var finished = await Task.WhenAny(task, failure.WaitAsync(timeout.Token)).ConfigureAwait(false);
        if (finished == task)
        {
            try
            {
                var value = await task.ConfigureAwait(false);
                errors.Clear();
                return value;
            }
            catch (KafkaException e) when (e.GetType() == typeof(KafkaException))
            {
                throw Fail(what, e.Error.Reason);
            }
        }
        task.Forget();
        cancellationToken.ThrowIfCancellationRequested();
        throw Fail(what, failure.IsCompletedSuccessfully ? failure.Result : "no answer in time");
    }

    private KafkaReadException Fail(string what, string reason)
    {
        var last = errors.LastReason;
        var message = $"{who}: {what} failed: {reason}";
        if (last is not null && !reason.Contains(last, StringComparison.Ordinal))
        {
            message += $" (last client error: {last})";
        }
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }
        return new KafkaReadException(message);
    }

    /// <summary>
    /// The librdkafka client, built on first use (it starts connecting at once, so with Google PLAIN
    /// only once the first access token is known). With Google PLAIN every call hands librdkafka the
    /// current token for the connections it opens next.
    /// </summary>
    private async Task<IAdminClient> ClientAsync(CancellationToken cancellationToken)
    {
        var token = plainPassword is null ? null : await plainPassword.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        await startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (admin is null)
            {
                if (token is not null)
                {
                    config.SaslPassword = token.Value;
                    currentPassword = token.Value;
                }
                var builder = new AdminClientBuilder(config)
                    .SetErrorHandler((_, error) => errors.Report(error))
                    // librdkafka's log lines would go to stderr; failures reach the reads through these two.
                    .SetLogHandler((_, log) => errors.ReportLog(log));
                if (oauthTokens is not null)
                {
                    builder.SetOAuthBearerTokenRefreshHandler((client, _) => RefreshTokenAsync(client, oauthTokens).Forget());
                }
                admin = builder.Build();
            }
            else if (token is not null && !string.Equals(token.Value, currentPassword, StringComparison.Ordinal))
            {
                admin.SetSaslCredentials(token.Principal, token.Value);
                currentPassword = token.Value;
            }
            return admin;
        }
        finally
        {
            startGate.Release();
        }
    }

    /// <summary>Called by librdkafka (on its poll thread) when it needs an OAUTHBEARER token; answers asynchronously.</summary>
    private async Task RefreshTokenAsync(IClient client, IKafkaTokenProvider tokens)
    {
        try
        {
            using var timeout = new CancellationTokenSource(KafkaClientConfig.RequestTimeout);
            var token = await tokens.GetTokenAsync(timeout.Token).ConfigureAwait(false);
            if (!disposed)
            {
                client.OAuthBearerSetToken(token.Value, token.Expires.ToUnixTimeMilliseconds(), token.Principal, token.Extensions.ToDictionary());
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e is KafkaReadException or OperationCanceledException ? e.Message : $"token request failed ({e.GetType().Name})";
            errors.Report(reason, connectionFailure: true);
            try
            {
                if (!disposed)
                {
                    client.OAuthBearerSetTokenFailure(reason);
                }
            }
            catch (ObjectDisposedException)
            {
                // The client went away while the token was being fetched.
            }
        }
    }
}
