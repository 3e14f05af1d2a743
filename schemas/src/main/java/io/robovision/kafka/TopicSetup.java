package io.robovision.kafka;

import io.robovision.config.KafkaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the pipeline's topics when they are missing; existing topics are left as they are. */
public final class TopicSetup {
  private final KafkaSettings kafka;

  public TopicSetup(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /**
   * Creates each missing topic with {@code partitions} partitions; the partition count bounds how
   * many workers of one group can share the load.
   */
  public void ensure(Set<String> topics, int partitions, short replication, int maxMessageBytes) {
    create(topics, topic -> new NewTopic(topic, partitions, replication)
        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes))));
  }

  /**
   * Creates {@code topic} as a compacted table when it is missing: one partition, the broker's default replication,
   * and segments that roll every {@code segmentMs} so that compaction keeps it small.
   */
  public void ensureCompacted(String topic, long segmentMs) {
    create(Set.of(topic), name -> new NewTopic(name, Optional.of(1), Optional.empty()).configs(Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segmentMs))));
  }

  private void create(Set<String> topics, Function<String, NewTopic> definition) {
    try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(definition.apply(topic));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics " + topics, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics " + topics + " on " + kafka.bootstrapServers()
          + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }
}
