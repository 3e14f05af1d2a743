package io.robovision.sink.reorder;

import org.apache.kafka.common.TopicPartition;

/** A decoded record held in memory, with the offset that may be committed once it is handled. */
public record Held<T>(T value, TopicPartition partition, long offset) {
}
