using System.Text;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class ConfigLimitsTests
{
    [Fact]
    public void Load_BillionLaughs_IsRefusedQuickly()
    {
        var yaml = new StringBuilder("apiVersion: crema/v1\nkind: CremaConfig\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }
        yaml.Append("spec: {}\n");

        var result = Load(yaml.ToString());

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("more than 100000 nodes");
        error.Line.ShouldBeGreaterThan(3);
        result.Config.ShouldBeNull();
    }

    [Fact]
    public void Load_DeepNesting_IsRefused()
    {
        var yaml = "apiVersion: crema/v1\nkind: CremaConfig\nspec: {x: " + new string('[', 200) + new string(']', 200) + "}\n";

        Load(yaml).Errors.ShouldHaveSingleItem().Message.ShouldContain("nests deeper than 64 levels");
    }

    [Fact]
    public void Load_DeepNestingThroughAliases_IsRefused()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var yaml = $"apiVersion: crema/v1\nkind: CremaConfig\nx: &d {deep}\nspec: {{y: {new string('[', 30)}*d{new string(']', 30)}}}\n";

        Load(yaml).Errors.ShouldHaveSingleItem().Message.ShouldContain("nests deeper than 64 levels");
    }

    [Fact]
    public void Load_FileOverOneMebibyte_IsRefused()
    {
        var yaml = "apiVersion: crema/v1\nkind: CremaConfig\nspec: {}\n#" + new string('x', 1024 * 1024);

        Load(yaml).Errors.ShouldHaveSingleItem().Message.ShouldContain("the limit is 1048576 (1 MiB)");
    }

    [Fact]
    public void Load_UndefinedAlias_IsReported()
    {
        Load("apiVersion: crema/v1\nkind: CremaConfig\nspec: *nope\n").Errors.ShouldHaveSingleItem().Message.ShouldContain("nope");
    }
}
