using System.Security.Cryptography;
using System.Text;
using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

public sealed class ScramClientTests
{
    [Fact]
    public void Sha1_Rfc5802Example_ProducesProofAndAcceptsServer()
    {
        var client = new ScramClient(HashAlgorithmName.SHA1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        Text(client.ClientFirstMessage()).ShouldBe("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        var final = client.ClientFinalMessage(Bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
        Text(final).ShouldBe("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        Should.NotThrow(() => client.VerifyServerFinal(Bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")));
    }

    [Fact]
    public void Sha256_Rfc7677Example_ProducesProofAndAcceptsServer()
    {
        var client = new ScramClient(HashAlgorithmName.SHA256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        Text(client.ClientFirstMessage()).ShouldBe("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        var final = client.ClientFinalMessage(Bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        Text(final).ShouldBe("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        Should.NotThrow(() => client.VerifyServerFinal(Bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
    }

    [Fact]
    public void Sha512_Rfc7677Inputs_MatchPythonHashlibComputation()
    {
        // Same inputs as RFC 7677; expected values computed with Python's hashlib.pbkdf2_hmac and hmac.
        var client = new ScramClient(HashAlgorithmName.SHA512, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        client.ClientFirstMessage();
        var final = client.ClientFinalMessage(Bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        Text(final).ShouldEndWith(",p=gMGXRcevScNtxZ6/8lQYpGtnsNAc3mGcmNomv+xnoOMw+3R2xNJdMNnzMlTN8PPC6wdp6dybEmDYXYTxwnYPJQ==");
        Should.NotThrow(() => client.VerifyServerFinal(Bytes("v=ZQnYEgWQMFmmsM8aQMF0nDDCy/AgCzkwk8CmMZYcMg0vSVlKDanekLtifDSeVGT4+5ZxXnJq199RVG2rR7N7Zw==")));
    }

    [Fact]
    public void VerifyServerFinal_WrongSignature_Throws()
    {
        var client = new ScramClient(HashAlgorithmName.SHA256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        client.ClientFinalMessage(Bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        Should.Throw<KafkaProtocolException>(() => client.VerifyServerFinal(Bytes("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
        Should.Throw<KafkaProtocolException>(() => client.VerifyServerFinal(Bytes("e=invalid-proof")));
    }

    [Fact]
    public void ClientFinalMessage_ServerNonceNotExtendingOurs_Throws()
    {
        var client = new ScramClient(HashAlgorithmName.SHA256, "user", "pencil", "abc");
        Should.Throw<KafkaProtocolException>(() => client.ClientFinalMessage(Bytes("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
    }

    [Fact]
    public void ClientFirstMessage_SpecialUsername_IsEscaped()
    {
        var client = new ScramClient(HashAlgorithmName.SHA256, "a=b,c", "p", "n");
        Text(client.ClientFirstMessage()).ShouldBe("n,,n=a=3Db=2Cc,r=n");
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
