package io.robovision.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;

/** Prints a component's progress line at a fixed interval, and the line once more as its summary when closed. */
public final class Progress implements AutoCloseable {
  private final Supplier<String> line;
  private final PrintStream out;
  private final Thread reporter;

  public Progress(Supplier<String> line, long intervalMillis, PrintStream out) {
    this(line, Optional::empty, intervalMillis, out);
  }

  /** {@code hint} is asked after each line (not after the summary) and printed on a line of its own when present. */
  public Progress(Supplier<String> line, Supplier<Optional<String>> hint, long intervalMillis, PrintStream out) {
    this.line = line;
    this.out = out;
    this.reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(intervalMillis);
          out.println(line.get());
          hint.get().ifPresent(out::println);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "progress");
    reporter.setDaemon(true);
    reporter.start();
  }

  /**
   * Prints the summary. Close it once the component has finished, also on SIGTERM, so that the summary counts the
   * last acknowledgements and closed files.
   */
  @Override
  public void close() {
    reporter.interrupt();
    try {
      // A line being printed when the interrupt came must not follow the summary.
      reporter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.println("summary: " + line.get());
  }
}
