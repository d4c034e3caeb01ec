using System.Runtime.InteropServices;
using ModelGate.Cli;

using var interrupt = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await ModelGateCli.RunAsync(args, CliConsole.System, interrupt.Token).ConfigureAwait(false);

// The first Ctrl-C / SIGTERM cancels the run: the runner stops at its next step and writes no report.
// A step that cannot be cancelled (resampling) is not waited for: after a grace period the process exits 130.
// Reports are written temp-then-rename, so an exit at any moment leaves no half report under a report's name.
void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    if (interrupt.IsCancellationRequested)
    {
        Environment.Exit(ExitCodes.Interrupted);
    }

    interrupt.Cancel();
    _ = Task.Delay(InterruptGrace.Period).ContinueWith(
        _ =>
        {
            Console.Error.WriteLine("modelgate: interrupted; no report was written for the unfinished run.");
            Environment.Exit(ExitCodes.Interrupted);
        },
        CancellationToken.None,
        TaskContinuationOptions.None,
        TaskScheduler.Default);
}
