using Google.Protobuf;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>One call the fake frontend received: the method, the request message and the request headers.</summary>
internal sealed record FakeTemporalCall(string Method, IMessage Request, IReadOnlyDictionary<string, string> Headers, string Authority);
