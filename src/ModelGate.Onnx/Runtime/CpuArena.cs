using Microsoft.ML.OnnxRuntime;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// A ceiling on ORT's CPU memory: an arena allocator with max_mem registered on the environment, which sessions share
/// when created with session.use_env_allocators=1. The arena grows by what is requested (not by powers of two), so the
/// ceiling is reached only when the memory is really needed.
/// </summary>
internal static class CpuArena
{
    /// <summary>The session option that makes a session allocate from the environment's arena.</summary>
    public const string UseEnvAllocators = "session.use_env_allocators";

    // kSameAsRequested in ORT's ArenaExtendStrategy; -1 keeps ORT's defaults for the other two settings.
    private const int ExtendBySameAsRequested = 1;

    private static readonly Lock Gate = new();
    private static long? _registered;

    /// <summary>Registers (or replaces) the arena with a ceiling of <paramref name="limitBytes"/>.</summary>
    public static void Apply(OrtEnv env, long limitBytes)
    {
        lock (Gate)
        {
            if (_registered == limitBytes)
            {
                return;
            }

            using var memory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCPU, OrtAllocatorType.ArenaAllocator, 0, OrtMemType.Default);
            if (_registered is not null)
            {
                env.UnregisterAllocator(memory);
            }

            using var config = new OrtArenaCfg((uint)limitBytes, ExtendBySameAsRequested, -1, -1);
            env.CreateAndRegisterAllocator(memory, config);
            _registered = limitBytes;
        }
    }
}
