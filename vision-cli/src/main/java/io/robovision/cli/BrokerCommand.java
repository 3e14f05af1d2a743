package io.robovision.cli;

import io.robovision.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vision broker}: the embedded single-node KRaft broker on its own. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Runs a single-node Kafka broker (KRaft, broker and controller in one process) until stopped.")
public final class BrokerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "9092", description = "client port on 127.0.0.1; the controller uses the next one (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data", description = "data folder, kept between runs (default: a temporary folder)")
  Path data;

  @Override
  public Integer call() {
    EmbeddedBroker broker = EmbeddedBroker.start(port, data);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    System.out.println("Kafka broker ready at " + broker.bootstrapServers() + " (data in " + broker.dataDir()
        + "); Ctrl-C stops it");
    broker.awaitShutdown();
    return 0;
  }
}
