using System.Security.Authentication;
using Crema.Scalers.Redis;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>How StackExchange.Redis failures are worded for the user (the texts are the library's own, from real runs).</summary>
public sealed class RedisFailureTextTests
{
    [Theory]
    [InlineData("No connection is active/available to service this operation: EVAL; Connection refused, mc: 1/1/0, clientName: vm(SE.Redis-v3.4.35.20751), IOCP: (Busy=0,Free=1000,Min=1,Max=1000)", "no connection available: Connection refused")]
    [InlineData("No connection is active/available to service this operation: PING, mc: 1/1/0, clientName: vm", "no connection available")]
    [InlineData("It was not possible to connect to the redis server(s). Error connecting right now. To allow this multiplexer to continue retrying until it's able to connect, use abortConnect=false in your connection string or AbortOnConnectFail=false; in your code.", "Error connecting right now.")]
    [InlineData("SimpleError: WRONGPASS invalid username-password pair or user is disabled.", "WRONGPASS invalid username-password pair or user is disabled.")]
    [InlineData("WRONGTYPE Operation against a key holding the wrong kind of value", "WRONGTYPE Operation against a key holding the wrong kind of value")]
    public void Clean_LibraryMessage_KeepsTheReasonOnly(string message, string expected) =>
        RedisFailureText.Clean(message).ShouldBe(expected);

    [Theory]
    [InlineData(false, false, "cannot connect (UnableToConnect): Connection reset by peer (if that port serves TLS, set enableTLS: \"true\" or the tls: enable parameter)")]
    [InlineData(true, false, "cannot connect (UnableToConnect): Connection reset by peer")]
    [InlineData(false, true, "the sentinels: cannot connect (UnableToConnect): Connection reset by peer (if that port serves TLS, set enableTLS: \"true\" or the tls: enable parameter)")]
    public void Connection_ResetByPeer_HintsAtTlsOnlyWhenTlsIsOff(bool tls, bool sentinels, string expected) =>
        RedisFailureText.Connection(Failure(ConnectionFailureType.UnableToConnect, "Connection reset by peer"), tls, sentinels).ShouldBe(expected);

    [Fact]
    public void Connection_ClientCertificateDemanded_SaysToGiveOne()
    {
        var text = RedisFailureText.Connection(Failure(ConnectionFailureType.UnableToConnect, "error:0A00045C:SSL routines::tlsv13 alert certificate required"), tls: true);

        text.ShouldBe("cannot connect (UnableToConnect): error:0A00045C:SSL routines::tlsv13 alert certificate required (the server demands a client certificate: give cert and key)");
    }

    [Theory]
    [InlineData(false, "SimpleError: WRONGPASS invalid username-password pair or user is disabled.", "authentication failed (check username and password): WRONGPASS invalid username-password pair or user is disabled.")]
    [InlineData(true, "SimpleError: WRONGPASS invalid username-password pair or user is disabled.", "the sentinels: authentication failed (check sentinelUsername and sentinelPassword): WRONGPASS invalid username-password pair or user is disabled.")]
    [InlineData(false, "NOAUTH Returned - connection has not yet authenticated", "a password is required and none was given (check username and password): NOAUTH Returned - connection has not yet authenticated")]
    public void Connection_AuthenticationFailure_NamesTheCredentialsToCheck(bool sentinels, string server, string expected)
    {
        var failure = new RedisConnectionException(ConnectionFailureType.AuthenticationFailure, CommandFlags.None,
            "It was not possible to connect to the redis server(s). There was an authentication failure; check that passwords (or client certificates) are configured correctly: (RedisServerException) " + server,
            new RedisServerException(RedisErrorKind.Unknown, CommandFlags.None, server), CommandStatus.Unknown);

        RedisFailureText.Connection(failure, tls: false, sentinels).ShouldBe(expected);
    }

    [Fact]
    public void Connection_UntrustedServerCertificate_IsATlsHandshakeFailure()
    {
        var failure = new RedisConnectionException(ConnectionFailureType.AuthenticationFailure, CommandFlags.None, "There was an authentication failure",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"), CommandStatus.Unknown);

        RedisFailureText.Connection(failure, tls: true).ShouldBe(
            "TLS handshake failed (check ca, cert and key, or unsafeSsl): The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot");
    }

    private static RedisConnectionException Failure(ConnectionFailureType type, string message) =>
        new(type, CommandFlags.None, message, innerException: null, CommandStatus.Unknown);
}
