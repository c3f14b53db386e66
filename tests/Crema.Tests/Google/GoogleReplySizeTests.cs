using System.Net;
using Crema.Google;
using Crema.Google.CloudRun;
using Crema.Google.Http;

namespace Crema.Tests.Google;

/// <summary>Google API replies are read up to a cap: a larger one is a failure that is not retried, whether or not it says its length.</summary>
public sealed class GoogleReplySizeTests
{
    private const string Pool = "projects/demo/locations/us-central1/workerPools/pool-a";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_ReplyOverTheCap_FailsOnceNamingTheCap(bool announcesLength)
    {
        var handler = new HugeReplyHandler(GoogleApiHttp.MaxResponseBytes + 1, announcesLength);
        using var http = new HttpClient(handler);
        var client = new CloudRunClient(http, new Uri("http://127.0.0.1:1/"), tokens: null, TimeProvider.System);

        var error = await Should.ThrowAsync<GoogleApiException>(() => client.GetAsync(Pool, CancellationToken.None));

        error.Message.ShouldContain("larger than 8 MiB");
        handler.Requests.ShouldBe(1, "the same call would get the same reply: no retry");
        handler.BytesServed.ShouldBeLessThanOrEqualTo(GoogleApiHttp.MaxResponseBytes + (64 * 1024), "reading stops at the cap");
    }

    [Fact]
    public async Task GetAsync_ReplyJustUnderTheCap_IsRead()
    {
        var handler = new HugeReplyHandler(GoogleApiHttp.MaxResponseBytes - 1, announcesLength: false);
        using var http = new HttpClient(handler);
        var client = new CloudRunClient(http, new Uri("http://127.0.0.1:1/"), tokens: null, TimeProvider.System);

        // Read whole (it is not a worker pool, so parsing it fails, but not on its size).
        var error = await Should.ThrowAsync<Exception>(() => client.GetAsync(Pool, CancellationToken.None));

        error.Message.ShouldNotContain("larger than");
        handler.BytesServed.ShouldBe(GoogleApiHttp.MaxResponseBytes - 1);
    }

    /// <summary>Serves a 200 whose body is that many spaces, produced as it is read.</summary>
    private sealed class HugeReplyHandler(long size, bool announcesLength) : HttpMessageHandler
    {
        private long served;

        public int Requests { get; private set; }

        public long BytesServed => Interlocked.Read(ref served);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var content = new StreamContent(new SpaceStream(size, n => Interlocked.Add(ref served, n)));
            content.Headers.ContentType = new("application/json");
            if (announcesLength)
            {
                content.Headers.ContentLength = size;
            }
            else
            {
                content.Headers.ContentLength = null;
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class SpaceStream(long size, Action<int> onRead) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, size - position);
            Array.Fill(buffer, (byte)' ', offset, n);
            position += n;
            onRead(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
