using System.Text;
using Crema.Scalers.Gcp.Storage;

namespace Crema.Tests.Scalers.Gcp.Storage;

public sealed class StorageObjectsPageTests
{
    [Theory]
    [InlineData("""{"kind":"storage#objects"}""", "", 0, null)]
    [InlineData("""{"kind":"storage#objects","items":[{"name":"a","size":"12"},{"name":"b/","size":"0"}],"nextPageToken":"CgFi"}""", "12,0", 0, "CgFi")]
    [InlineData("""{"prefixes":["in/","out/"],"items":[{"name":"x","size":"18446744073709551615"}]}""", "18446744073709551615", 2, null)]
    [InlineData("""{"items":[{"name":"n","size":7},{"name":"no-size"}],"nextPageToken":""}""", "7,0", 0, null)]
    [InlineData("""{"items":null,"prefixes":[]}""", "", 0, null)]
    public void Parse_RealShapes_GivesSizesPrefixesAndToken(string json, string sizes, int prefixes, string? token)
    {
        var page = StorageObjectsPage.Parse(Encoding.UTF8.GetBytes(json));

        string.Join(",", page.Sizes).ShouldBe(sizes);
        page.Prefixes.ShouldBe(prefixes);
        page.NextPageToken.ShouldBe(token);
    }

    [Theory]
    [InlineData("<html>bad gateway</html>", "(not JSON)")]
    [InlineData("[1,2]", "(not a JSON object)")]
    [InlineData("""{"items":{"name":"a"}}""", "(items is not an array)")]
    [InlineData("""{"items":["a"]}""", "(an item is not an object)")]
    [InlineData("""{"items":[{"size":"-1"}]}""", "(an item's size is not a whole number of bytes)")]
    [InlineData("""{"items":[{"size":"1.5"}]}""", "(an item's size is not a whole number of bytes)")]
    [InlineData("""{"items":[{"size":true}]}""", "(an item's size is not a whole number of bytes)")]
    public void Parse_OtherShapes_AreErrorsNotZero(string body, string reason)
    {
        var error = Should.Throw<InvalidOperationException>(() => StorageObjectsPage.Parse(Encoding.UTF8.GetBytes(body)));

        error.Message.ShouldBe("Cloud Storage objects.list returned a reply that is not an objects list " + reason);
    }
}
