using Crema.Abstractions;

namespace Crema.Tests.Support;

/// <summary>
/// A scaler factory for config tests: requires <see cref="RequiredKeys"/>, knows <see cref="OptionalKeys"/>,
/// requires <see cref="RequiredAuthParams"/> from the authenticationRef, and accepts any key when
/// <see cref="AcceptAnyKey"/>. It never builds a scaler.
/// </summary>
internal sealed class TestScalerFactory(string type) : ScalerFactory<IReadOnlyDictionary<string, string>>
{
    public override string Type { get; } = type;

    public override string Description => "a test source";

    public IReadOnlyList<string> RequiredKeys { get; init; } = [];

    public IReadOnlyList<string> OptionalKeys { get; init; } = [];

    public IReadOnlyList<string> RequiredAuthParams { get; init; } = [];

    public bool AcceptAnyKey { get; init; }

    public List<ScalerContext> Seen { get; } = [];

    protected override IReadOnlyDictionary<string, string> Bind(MetadataBinder binder)
    {
        Seen.Add(binder.Context);
        foreach (var key in RequiredKeys)
        {
            binder.RequiredString(key);
        }
        foreach (var key in OptionalKeys.Concat(AcceptAnyKey ? binder.Context.Metadata.Keys : []))
        {
            binder.String(key);
        }
        foreach (var parameter in RequiredAuthParams)
        {
            binder.Secret(parameter, required: true);
        }
        return binder.Context.Metadata;
    }

    protected override IScaler Create(IReadOnlyDictionary<string, string> metadata, ScalerContext context) =>
        throw new NotSupportedException("Test factories only validate.");
}
