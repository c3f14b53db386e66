namespace Crema.Scalers.Cron;

/// <summary>One field rewritten for Cronos (plain numbers), and whether KEDA's parser marks it as a star.</summary>
/// <param name="CronosText">The field as Cronos reads it, for example <c>0-59/15</c> or <c>1,3,5</c>.</param>
/// <param name="IsStar">True when a part was <c>*</c> or <c>?</c> without a step above 1.</param>
internal readonly record struct ParsedCronField(string CronosText, bool IsStar);
