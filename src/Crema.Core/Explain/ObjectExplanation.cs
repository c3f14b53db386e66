namespace Crema.Core.Explain;

/// <summary>What <c>crema explain</c> says about one scaled object: facts in a fixed order, then warnings.</summary>
/// <param name="Name">The object's display name.</param>
/// <param name="Target">The Cloud Run resource it scales.</param>
/// <param name="Facts">Heading and plain-words text, every effective default marked "(default)".</param>
/// <param name="Warnings">Surprising combinations, each with what to change.</param>
public sealed record ObjectExplanation(string Name, string Target, IReadOnlyList<(string Heading, string Text)> Facts, IReadOnlyList<string> Warnings);
