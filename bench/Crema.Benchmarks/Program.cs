using Crema.Benchmarks;

// Prints GitHub API requests per poll of the github-runner scaler, with and without ETags.
await GitHubRunnerRequestsBenchmark.RunAsync(Console.Out).ConfigureAwait(false);
