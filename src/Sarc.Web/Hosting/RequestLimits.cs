using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Sarc.Web.Hosting;

/// <summary>
/// The largest request body each route takes: <see cref="WebOptions.MaxUploadBytes"/> for the two template uploads
/// (<c>POST /import</c>, <c>POST /api/import</c>), <see cref="WebOptions.MaxFormBytes"/> for everything else. A body
/// declared larger is refused before it is read; one that turns out larger while it is read (no Content-Length) stops
/// there. Both become a 413 with a readable page or JSON (<see cref="ErrorPages"/>), and nothing is changed.
/// </summary>
internal static class RequestLimits
{
    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var limit = LimitFor(context);
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        context.Request.Body = new LimitedStream(context.Request.Body, limit);
        return next();
    }

    /// <summary>The body limit of this request's route, in bytes.</summary>
    public static long LimitFor(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<WebOptions>();
        var request = context.Request;
        var upload = HttpMethods.IsPost(request.Method) && request.Path.Value is "/import" or "/api/import";
        return upload ? options.MaxUploadBytes : options.MaxFormBytes;
    }

    /// <summary>A limit in words: "50 MB", "1.5 MB", "2000 bytes".</summary>
    public static string Words(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>A request body that refuses to be read past the limit (for hosts without a body-size feature, and bodies without a length).</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw new BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge);
            }
            return read;
        }
    }
}
