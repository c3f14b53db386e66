namespace Crema.Google.Storage;

/// <summary>
/// The fields of a Cloud Storage object resource (JSON API <c>storage#object</c>) that Crema reads.
/// <see cref="Generation"/> changes with every write of the data and is what <c>ifGenerationMatch</c>
/// compares; <see cref="Metageneration"/> changes with metadata-only updates.
/// </summary>
internal sealed record StorageObject(string Bucket, string Name, long Generation, long Metageneration, DateTimeOffset? Updated);
