using System.Diagnostics;
using System.Globalization;

namespace Sarc.Statistics;

/// <summary>
/// Stage timings for profiling a whole command, off unless the environment variable <c>SARC_PROFILE</c> is 1. Each
/// <see cref="Mark"/> writes one line to stderr: the stage that just ended, its wall and CPU milliseconds (CPU of the
/// whole process, all threads), the managed heap, the resident set and its peak so far (MB). When off, a mark costs
/// one field read. Used by the benchmarks in bench/ to say where a command's time and memory go.
/// </summary>
public static class Stages
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SARC_PROFILE") == "1";
    private static readonly object Gate = new();
    // The first stage runs from the process start (runtime start-up and JIT included), its CPU from zero.
    private static long lastTicks = Enabled
        ? Stopwatch.GetTimestamp() - (long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency)
        : 0;
    private static TimeSpan lastCpu = TimeSpan.Zero;

    /// <summary>Whether stage lines are written.</summary>
    public static bool On => Enabled;

    /// <summary>Ends the current stage, naming it <paramref name="stage"/>, and starts the next.</summary>
    public static void Mark(string stage)
    {
        if (!Enabled)
        {
            return;
        }
        lock (Gate)
        {
            var now = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (rss, peak) = Resident();
            var line = string.Format(CultureInfo.InvariantCulture,
                "profile: {0,-28} wall {1,7:F1} ms  cpu {2,7:F1} ms  heap {3,6:F0} MB  rss {4,6:F0} MB  peak {5,6:F0} MB",
                stage, Stopwatch.GetElapsedTime(lastTicks, now).TotalMilliseconds, (cpu - lastCpu).TotalMilliseconds,
                GC.GetTotalMemory(false) / 1048576.0, rss, peak);
            Console.Error.WriteLine(line);
            lastTicks = Stopwatch.GetTimestamp();
            lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        }
    }

    private static (double Rss, double Peak) Resident()
    {
        double rss = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux: no resident figures.
        }
        return (rss, peak);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
