using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Support;

/// <summary>
/// A quiet Kestrel app on 127.0.0.1 and a free port, for in-test fakes of HTTP APIs: the caller maps its
/// routes, this starts it and knows its address; dispose stops it.
/// </summary>
internal sealed class LoopbackWebApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackWebApp(WebApplication app, string baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress { get; }

    /// <summary>Builds the app, lets <paramref name="map"/> add its routes or handler, and starts it.</summary>
    public static Task<LoopbackWebApp> StartAsync(Action<WebApplication> map) => StartAsync(map, port: 0);

    /// <summary>
    /// The same on <paramref name="port"/> (0: a free one), with <paramref name="protocols"/> (cleartext HTTP/2, as
    /// gRPC needs, only when asked) and services <paramref name="services"/> adds.
    /// </summary>
    public static async Task<LoopbackWebApp> StartAsync(Action<WebApplication> map, int port,
        Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackWebApp(app, address.TrimEnd('/'));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
