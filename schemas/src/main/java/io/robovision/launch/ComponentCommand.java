package io.robovision.launch;

import io.robovision.config.SettingDoc;
import io.robovision.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of a component's own {@code main} (what the container images run): an optional
 * properties file, {@code -s key=value} overrides over the VISION_* environment, and a
 * {@code --help} that lists every setting the component reads.
 */
@Command(mixinStandardHelpOptions = true, version = "vision 0.1.0", sortOptions = false)
public final class ComponentCommand implements Callable<Integer> {
  private static final long GRACE_MILLIS = 30_000;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "properties file of settings (environment variables VISION_* and -s win over it)")
  Path file;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "any setting, e.g. camera.id=door")
  Map<String, String> overrides = new LinkedHashMap<>();

  private final Function<Settings, Component> starter;

  private ComponentCommand(Function<Settings, Component> starter) {
    this.starter = starter;
  }

  /**
   * The configured command line of one component; {@code starter} checks the settings and the
   * broker and returns the component ready to run.
   */
  public static CommandLine commandLine(String name, String description, List<SettingDoc> settings,
      Function<Settings, Component> starter) {
    CommandLine commandLine = new CommandLine(new ComponentCommand(starter));
    commandLine.setCommandName(name);
    commandLine.getCommandSpec().usageMessage().description(description);
    List<String> footer = new ArrayList<>();
    footer.add("");
    footer.add("Settings (properties file < environment < -s):");
    footer.addAll(SettingDoc.helpLines(settings));
    commandLine.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
      cmd.getErr().println(name + ": " + rootMessage(error));
      return 1;
    });
    return commandLine;
  }

  @Override
  public Integer call() {
    Component component = starter.apply(Settings.load(file, System.getenv(), overrides));
    CountDownLatch finished = new CountDownLatch(1);
    // SIGTERM (docker stop) lets the component close its files and commit its offsets before the JVM ends.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      component.stop().run();
      try {
        finished.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "graceful-shutdown"));
    try {
      component.run().run();
    } finally {
      finished.countDown();
    }
    return 0;
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
