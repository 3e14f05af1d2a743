package io.robovision.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vision} command line: the demo, the embedded broker, and each component on its own. */
@Command(name = "vision", mixinStandardHelpOptions = true, version = "vision 0.1.0",
    description = "Camera frames to segmentation, recordings and analytics over Apache Kafka.",
    subcommands = {DemoCommand.class, BrokerCommand.class, CaptureCommand.class, SegmentCommand.class,
        RecordCommand.class, DatasetCommand.class, ExportCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class VisionCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; misuse and failures end in one clear line on stderr. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new VisionCommand());
    SettingsHelp.addTo(commandLine);
    commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
      cmd.getErr().println("vision " + cmd.getCommandName() + ": " + rootMessage(error));
      return 1;
    });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
