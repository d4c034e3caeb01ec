using Microsoft.ML.OnnxRuntime;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// ORT's process-wide environment, created once with ModelGate's log routing and with telemetry switched off before
/// any session exists (ORT's Windows builds send telemetry events unless told not to).
/// </summary>
internal static class OrtEnvironment
{
    private static readonly Lock Gate = new();
    private static OrtEnv? _env;

    /// <summary>True once the environment exists and its telemetry was disabled.</summary>
    public static bool TelemetryDisabled { get; private set; }

    /// <summary>The environment, creating it on first use; its log level only ever becomes more verbose.</summary>
    public static OrtEnv Ensure(OnnxLogLevel level)
    {
        lock (Gate)
        {
            if (_env is null)
            {
                var options = new EnvironmentCreationOptions
                {
                    logId = "modelgate",
                    logLevel = (OrtLoggingLevel)level,
                    loggingFunction = OrtLogRouter.Callback,
                };
                _env = OrtEnv.IsCreated ? OrtEnv.Instance() : OrtEnv.CreateInstanceWithOptions(ref options);
                _env.DisableTelemetryEvents();
                TelemetryDisabled = true;
            }
            else if ((int)level < (int)_env.EnvLogLevel)
            {
                _env.EnvLogLevel = (OrtLoggingLevel)level;
            }

            return _env;
        }
    }
}
