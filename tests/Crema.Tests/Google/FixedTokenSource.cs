using Crema.Abstractions;

namespace Crema.Tests.Google;

/// <summary>Hands out one fixed token and counts requests for it.</summary>
internal sealed class FixedTokenSource(string token) : IAccessTokenSource
{
    public int Calls { get; private set; }

    public ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult(token);
    }
}
