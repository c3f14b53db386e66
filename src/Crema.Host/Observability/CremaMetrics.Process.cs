using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Crema.Host.Observability;

/// <summary>
/// Build info, and the process and .NET runtime figures under the names Prometheus client libraries use
/// (<c>process_*</c>, as the Go and Java clients export them; <c>dotnet_*</c> for the GC and thread pool),
/// so the usual dashboards and memory or CPU alerts work on Crema unchanged. All are read at scrape time.
/// </summary>
internal sealed partial class CremaMetrics
{
    private static readonly double StartTimeSeconds = ProcessStart();

    private void CreateProcessInstruments()
    {
        var (version, revision) = BuildVersion();
        meter.CreateObservableGauge("crema_build_info", () => new Measurement<double>(1,
                new("version", version), new("revision", revision), new("runtime", RuntimeInformation.FrameworkDescription)),
            description: "Always 1: the running build's version, its source revision and the .NET runtime.");
        meter.CreateObservableCounter("process_cpu_seconds_total", () => Environment.CpuUsage.TotalTime.TotalSeconds,
            description: "User and system CPU time the process used, in seconds.");
        meter.CreateObservableGauge("process_resident_memory_bytes", () => (double)Environment.WorkingSet, description: "Resident memory of the process, in bytes.");
        meter.CreateObservableGauge("process_start_time_seconds", () => StartTimeSeconds, description: "Unix time the process started.");
        meter.CreateObservableGauge("process_open_fds", OpenFileDescriptors, description: "Open file descriptors (Linux only).");
        meter.CreateObservableGauge("process_max_fds", MaxFileDescriptors, description: "The process's soft limit of open file descriptors (Linux only).");
        meter.CreateObservableCounter("dotnet_gc_collections_total", () => Enumerable.Range(0, GC.MaxGeneration + 1)
                .Select(g => new Measurement<long>(GC.CollectionCount(g), new KeyValuePair<string, object?>("generation", g.ToString(CultureInfo.InvariantCulture)))),
            description: "Garbage collections by generation (a collection of generation 2 counts in 0 and 1 too).");
        meter.CreateObservableCounter("dotnet_gc_allocated_bytes_total", () => GC.GetTotalAllocatedBytes(), description: "Bytes allocated on the managed heap since the start.");
        meter.CreateObservableGauge("dotnet_gc_heap_size_bytes", () => (double)GC.GetGCMemoryInfo().HeapSizeBytes, description: "Managed heap size after the last collection, in bytes.");
        meter.CreateObservableCounter("dotnet_gc_pause_seconds_total", () => GC.GetTotalPauseDuration().TotalSeconds, description: "Time the runtime was paused for garbage collection, in seconds.");
        meter.CreateObservableGauge("dotnet_threadpool_threads", () => (double)ThreadPool.ThreadCount, description: "Thread pool threads.");
        meter.CreateObservableGauge("dotnet_threadpool_queue_length", () => (double)ThreadPool.PendingWorkItemCount, description: "Work items queued to the thread pool and not started yet.");
        meter.CreateObservableCounter("dotnet_threadpool_completed_items_total", () => ThreadPool.CompletedWorkItemCount, description: "Work items the thread pool has completed.");
        meter.CreateObservableCounter("dotnet_monitor_lock_contentions_total", () => Monitor.LockContentionCount, description: "Times a thread waited for a lock held by another.");
    }

    /// <summary>The informational version, e.g. <c>1.0.0+b2cba3f...</c>: the version, and the source revision after the plus.</summary>
    internal static (string Version, string Revision) BuildVersion()
    {
        var informational = typeof(CremaMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (informational, "") : (informational[..plus], informational[(plus + 1)..]);
    }

    private static double ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }

    private static IEnumerable<Measurement<double>> OpenFileDescriptors() =>
        Directory.Exists("/proc/self/fd") ? [new Measurement<double>(Directory.EnumerateFileSystemEntries("/proc/self/fd").Count())] : [];

    // "Max open files            1048576              1048576              files": the soft limit is the first figure.
    private static IEnumerable<Measurement<double>> MaxFileDescriptors()
    {
        if (!File.Exists("/proc/self/limits"))
        {
            return [];
        }
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? [new Measurement<double>(value)] : [];
    }
}
