using Crema.Abstractions;
using Crema.Scalers.Etcd;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>etcd's password authentication: a token from Authenticate on every call, and failures that never show the password.</summary>
public sealed class EtcdAuthTests(EtcdAuthFixture etcd) : IClassFixture<EtcdAuthFixture>
{
    [Fact]
    public async Task ReadAsync_RightPassword_ReadsAndWatchesTheKey()
    {
        var key = "crema/auth-" + Guid.NewGuid().ToString("N")[..8];
        await etcd.Server.PutAsync(key, "4");
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, key, auth: $"username={EtcdAuthFixture.User}|password={EtcdAuthFixture.Password}");

        (await scaler.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(4, 5.5, true));

        var watchers = await etcd.Server.WatcherCountAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        await etcd.Server.WaitForWatchersAsync(watchers + 1);
        await etcd.Server.PutAsync(key, "0");
        (await next).ShouldBeTrue();
        watch.Current.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_WrongPassword_FailsSayingWhatToCheckWithoutThePassword()
    {
        const string Wrong = "wrong-etcd-pass-4417";
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, "crema/any", auth: $"username={EtcdAuthFixture.User}|password={Wrong}");

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe(
            $"etcd at {etcd.Server.Address} (cleartext, as user \"scaler\"): Authenticate: INVALID_ARGUMENT: etcdserver: authentication failed, " +
            "invalid user ID or password (check username and password in the trigger's authenticationRef)");
        foreach (var form in new[] { Wrong, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Wrong)), Uri.EscapeDataString(Wrong) })
        {
            error.ToString().ShouldNotContain(form);
        }
    }

    [Fact]
    public async Task ReadAsync_NoCredentials_SaysTheServerRequiresThem()
    {
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, "crema/any");

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldEndWith("(the server requires authentication: give username and password in the trigger's authenticationRef)");
        error.Message.ShouldStartWith($"etcd at {etcd.Server.Address} (cleartext, no user): Range \"crema/any\": INVALID_ARGUMENT: etcdserver: user name is empty");
    }
}
