using System.Text;

namespace Crema.Scalers.Beanstalkd;

/// <summary>Reads beanstalkd's replies from a stream: a CRLF-terminated status line, then a body of announced length and its CRLF.</summary>
internal sealed class BeanstalkdReader(Stream stream)
{
    private readonly byte[] buffer = new byte[4096];
    private int start;
    private int end;

    /// <summary>The next line without its CRLF; throws when it is longer than <paramref name="maxBytes"/> or the connection ends.</summary>
    public async Task<string> ReadLineAsync(int maxBytes, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (start == end)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
            var b = buffer[start++];
            if (b == '\n' && line.Count > 0 && line[^1] == '\r')
            {
                line.RemoveAt(line.Count - 1);
                return Encoding.UTF8.GetString([.. line]);
            }
            line.Add(b);
            if (line.Count > maxBytes)
            {
                throw new BeanstalkdException($"the reply's first line is longer than {maxBytes} bytes (is it a beanstalkd port?)");
            }
        }
    }

    /// <summary>A body of <paramref name="length"/> bytes followed by CRLF, as text.</summary>
    public async Task<string> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var body = new byte[length + 2];
        var filled = 0;
        while (filled < body.Length)
        {
            if (start == end)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
            var n = Math.Min(end - start, body.Length - filled);
            Array.Copy(buffer, start, body, filled, n);
            start += n;
            filled += n;
        }
        if (body[length] != '\r' || body[length + 1] != '\n')
        {
            throw new BeanstalkdException("the stats-tube body does not end where its length says");
        }
        return Encoding.UTF8.GetString(body, 0, length);
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (end == 0)
        {
            throw new BeanstalkdException("the server closed the connection before the reply was complete");
        }
    }
}
