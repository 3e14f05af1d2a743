package io.robovision.broker;

import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/** A real single-node Kafka (KRaft, broker and controller in one process) for the demo and the tests. */
public final class EmbeddedBroker implements AutoCloseable {
  private static final String CONTROLLER = "CONTROLLER";
  private static final String SASL = "SASL_PLAINTEXT";
  private static final String INTER_BROKER_USER = "broker";
  private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;
  private final boolean ownsDataDir;

  private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean ownsDataDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
  }

  /**
   * Formats the storage (unless {@code dataDir} already holds a formatted node) and starts the
   * node. Clients connect on {@code port}, the controller listens on {@code port + 1}; a port of 0
   * picks free ones. A null folder means a temporary one, deleted on close.
   */
  public static EmbeddedBroker start(int port, Path dataDir) {
    return start(port, dataDir, Map.of());
  }

  /**
   * Like {@link #start(int, Path)}, but the client listener is SASL_PLAINTEXT with the PLAIN
   * mechanism, and only the given users (name to password) get in: clients need
   * {@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism=PLAIN} and a PlainLoginModule
   * {@code sasl.jaas.config}.
   */
  public static EmbeddedBroker startWithSaslPlain(int port, Path dataDir, Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a SASL listener needs at least one user");
    }
    return start(port, dataDir, users);
  }

  private static EmbeddedBroker start(int port, Path dataDir, Map<String, String> saslUsers) {
    boolean temporary = dataDir == null;
    try {
      Path dir = temporary ? Files.createTempDirectory("vision-kafka-") : Files.createDirectories(dataDir);
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = port == 0 ? freePort() : port + 1;
      Map<String, Object> properties = properties(dir, brokerPort, controllerPort);
      if (!saslUsers.isEmpty()) {
        properties.putAll(saslPlain(brokerPort, controllerPort, saslUsers));
      }
      // A folder from an earlier run keeps its cluster id and its data.
      if (!Files.exists(dir.resolve("meta.properties"))) {
        format(dir);
      }
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
      server.startup();
      return new EmbeddedBroker(server, "127.0.0.1:" + brokerPort, dir, temporary);
    } catch (IOException e) {
      String folder = temporary ? "a temporary folder in " + System.getProperty("java.io.tmpdir")
          : "'" + dataDir + "' (--data)";
      throw new UncheckedIOException("cannot prepare the broker's data folder, " + folder + ": " + FileErrors.reason(e),
          e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Blocks until the broker has shut down (for {@code vision broker}). */
  public void awaitShutdown() {
    server.awaitShutdown();
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (ownsDataDir) {
      deleteRecursively(dataDir);
    }
  }

  private static Map<String, Object> properties(Path dir, int brokerPort, int controllerPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("log.dirs", dir.toString());
    // Auto-created topics get room for several workers of one group.
    p.put("num.partitions", "4");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    return p;
  }

  /** Replaces the plaintext client listener by a SASL_PLAINTEXT one that knows {@code users}. */
  private static Map<String, Object> saslPlain(int brokerPort, int controllerPort, Map<String, String> users) {
    // The broker's own identity on its inter-broker listener; nobody else needs to know it.
    String brokerPassword = Uuid.randomUuid().toString();
    StringBuilder jaas = new StringBuilder(PlainLoginModule.class.getName())
        .append(" required username=\"").append(INTER_BROKER_USER).append("\" password=\"").append(brokerPassword)
        .append("\" user_").append(INTER_BROKER_USER).append("=\"").append(brokerPassword).append('"');
    users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
    jaas.append(';');
    Map<String, Object> p = new HashMap<>();
    p.put("listeners", SASL + "://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", SASL + "://127.0.0.1:" + brokerPort);
    p.put("inter.broker.listener.name", SASL);
    p.put("listener.security.protocol.map", SASL + ":SASL_PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    p.put("listener.name." + SASL.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config", jaas.toString());
    return p;
  }

  private static void format(Path dir) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName(CONTROLLER)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in '" + dir + "': " + e.getMessage(), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder is harmless; the broker itself is already down.
    }
  }
}
