namespace Crema.Core.Configuration.Import;

/// <summary>
/// Where imported ScaledObjects point: a Kubernetes <c>scaleTargetRef.name</c> such as <c>my-app</c> becomes
/// <c>projects/{Project}/locations/{Region}/{ResourceType}/my-app</c>; a name that already is a Cloud Run resource
/// name is kept.
/// </summary>
/// <param name="Project">The Google Cloud project of the targets; null when every name is already a resource name.</param>
/// <param name="Region">The Cloud Run region of the targets, for example us-central1.</param>
/// <param name="ResourceType"><c>workerPools</c> (default) or <c>services</c>.</param>
public sealed record KedaImportTarget(string? Project, string? Region, string ResourceType = "workerPools");
