namespace ModelGate.Reports.Tests;

/// <summary>
/// A fact skipped (not passed) only when a Debian package's file is truly absent; .ci/run installs the packages, so CI
/// never skips these.
/// </summary>
public sealed class InstalledFactAttribute : FactAttribute
{
    public InstalledFactAttribute(string file, string package)
    {
        if (!File.Exists(file))
        {
            Skip = $"{file} is not installed (apt-get install -y {package}); .ci/run installs it";
        }
    }
}
