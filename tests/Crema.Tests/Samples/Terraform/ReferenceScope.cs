using System.Collections.Immutable;

namespace Crema.Tests.Samples.Terraform;

/// <summary>The names an expression may use besides the module's declarations: each.*, count.* and dynamic block iterators.</summary>
internal sealed record ReferenceScope(bool Each, bool Count, ImmutableHashSet<string> Iterators)
{
    public static readonly ReferenceScope TopLevel = new(false, false, []);

    public ReferenceScope WithIterator(string name) => this with { Iterators = Iterators.Add(name) };
}
