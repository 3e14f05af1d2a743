package io.robovision.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Prints a component's progress line at a fixed interval, and its summary when the JVM stops. */
public final class Progress {
  private final Thread reporter;

  public Progress(Supplier<String> line, Supplier<String> summary, long intervalMillis, PrintStream out) {
    this.reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(intervalMillis);
          out.println(line.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "progress");
    reporter.setDaemon(true);
    reporter.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> out.println("summary: " + summary.get())));
  }
}
