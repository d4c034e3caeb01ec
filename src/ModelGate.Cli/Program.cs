using ModelGate.Cli;

return await ModelGateCli.RunAsync(args, CliConsole.System).ConfigureAwait(false);
