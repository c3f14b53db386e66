using Crema.Abstractions;
using Crema.Google;
using Crema.Google.CloudRun;
using Crema.Google.Secrets;
using Crema.Google.Storage;
using Crema.Host.Leadership;

namespace Crema.Host.Daemon;

/// <summary>
/// The Google API clients of one daemon, sharing one HttpClient and one credential. Endpoints come
/// from CREMA_*_ENDPOINT variables; an http:// endpoint (the emulator, a fake) gets no credentials.
/// The Cloud Run quotas Crema paces itself to come from CREMA_RUN_*_PER_MINUTE (<see cref="CloudRunQuota"/>).
/// </summary>
internal sealed class GoogleServices
{
    private readonly ForwardingCallObserver observer = new();
    private readonly WriterTagHandler tagger = new(HttpClientSettings.Default.CreateHandler());

    private GoogleServices(GoogleEndpoints endpoints, Func<string, string?> environment, TimeProvider time)
    {
        var http = new HttpClient(tagger) { Timeout = TimeSpan.FromSeconds(60) };
        Http = http;
        var adc = new GoogleAccessTokenSource();
        IAccessTokenSource? TokensFor(Uri endpoint) => GoogleEndpoints.SendsCredentials(endpoint) ? adc : null;
        CloudRun = new CloudRunClient(
            http, endpoints.Run, TokensFor(endpoints.Run), time, new CloudRunClientOptions { Quota = CloudRunQuota.FromEnvironment(environment) }, observer);
        SecretManager = new SecretManagerClient(http, endpoints.SecretManager, TokensFor(endpoints.SecretManager), time);
        var parameterEndpoint = endpoints.ParameterManager ?? new Uri("https://parametermanager.googleapis.com/");
        ParameterManager = new ParameterManagerClient(http, endpoints, TokensFor(parameterEndpoint), time);
        ScalerServices = new DefaultScalerServices(adc);
        Storage = new CloudStorageClient(http, endpoints.Storage, TokensFor(endpoints.Storage), time);
        Project = new DaemonProject(http, environment);
    }

    public ICloudRunClient CloudRun { get; }

    public ISecretManagerClient SecretManager { get; }

    public IParameterManagerClient ParameterManager { get; }

    /// <summary>Cloud Storage objects, for a <c>gs://</c> lease.</summary>
    public ICloudStorageClient Storage { get; }

    /// <summary>The HttpClient the Google clients share (also asks the metadata server for the instance id).</summary>
    public HttpClient Http { get; }

    /// <summary>The project Crema runs in: where bare Secret Manager ids are read, as CREMA reads them.</summary>
    public DaemonProject Project { get; }

    /// <summary>Shared HttpClients for scalers, and ADC tokens for podIdentity gcp.</summary>
    public IScalerServices ScalerServices { get; }

    public static GoogleServices FromEnvironment(Func<string, string?> environment, TimeProvider time) =>
        new(GoogleEndpoints.FromEnvironment(environment), environment, time);

    /// <summary>Reports every Cloud Run call (method, target, HTTP status) to <paramref name="onCall"/>, e.g. for /metrics.</summary>
    public void ObserveCloudRunCalls(Action<string, string, int> onCall) => observer.Target = onCall;

    /// <summary>Adds <c>(TAG)</c> to the User-Agent of every Google API call, e.g. the lease holder and term.</summary>
    public void TagRequests(Func<string?> tag) => tagger.Tag = tag;

    private sealed class ForwardingCallObserver : ICloudRunCallObserver
    {
        public Action<string, string, int>? Target { get; set; }

        public void OnCall(string method, string target, int status) => Target?.Invoke(method, target, status);
    }
}
