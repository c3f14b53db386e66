using Crema.Google;
using Google.Apis.Auth.OAuth2;

namespace Crema.Tests.Google;

public sealed class GoogleAccessTokenSourceTests
{
    [Fact]
    public async Task GetAccessTokenAsync_TwoCalls_LoadsCredentialOnceAndReturnsItsToken()
    {
        var loads = 0;
        var source = new GoogleAccessTokenSource(_ =>
        {
            loads++;
            return Task.FromResult(GoogleCredential.FromAccessToken("ya29.test"));
        });

        var first = await source.GetAccessTokenAsync([GoogleScopes.CloudPlatform], CancellationToken.None);
        var second = await source.GetAccessTokenAsync([GoogleScopes.MonitoringRead, GoogleScopes.CloudPlatform], CancellationToken.None);

        first.ShouldBe("ya29.test");
        second.ShouldBe("ya29.test");
        loads.ShouldBe(1);
    }

    [Fact]
    public async Task GetAccessTokenAsync_LoadFailsOnce_RetriesOnNextCall()
    {
        var loads = 0;
        var source = new GoogleAccessTokenSource(_ => ++loads == 1
            ? Task.FromException<GoogleCredential>(new InvalidOperationException("no ADC"))
            : Task.FromResult(GoogleCredential.FromAccessToken("ya29.second")));

        await Should.ThrowAsync<InvalidOperationException>(async () => await source.GetAccessTokenAsync([GoogleScopes.CloudPlatform], CancellationToken.None));
        var token = await source.GetAccessTokenAsync([GoogleScopes.CloudPlatform], CancellationToken.None);

        token.ShouldBe("ya29.second");
    }
}
