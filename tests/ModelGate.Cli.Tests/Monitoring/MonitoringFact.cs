namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>A fact skipped only when Debian's prometheus and prometheus-pushgateway packages are truly absent; .ci/run installs them.</summary>
public sealed class MonitoringFactAttribute : FactAttribute
{
    public const string Pushgateway = "/usr/bin/prometheus-pushgateway";
    public const string Prometheus = "/usr/bin/prometheus";
    public const string Promtool = "/usr/bin/promtool";

    public MonitoringFactAttribute()
    {
        if (!Installed)
        {
            Skip = "prometheus and prometheus-pushgateway are not installed (apt-get install -y prometheus prometheus-pushgateway); .ci/run installs them";
        }
    }

    public static bool Installed => File.Exists(Pushgateway) && File.Exists(Prometheus) && File.Exists(Promtool);
}
