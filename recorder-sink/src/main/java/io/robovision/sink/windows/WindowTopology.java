package io.robovision.sink.windows;

import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.WindowRow;
import io.robovision.serde.AvroSerde;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Tumbling windows per camera (the record key) over the analytics rows, in capture time, each frame counted once
 * however often a restarted sink published its row; each window is published once, after it closes (window end +
 * grace on stream time).
 */
public final class WindowTopology {
  private WindowTopology() {
  }

  /** {@code streams}: the application's own settings, which the topology is built with, as Kafka Streams advises. */
  public static Topology build(String analyticsTopic, String windowsTopic, Duration size, Duration grace,
      Properties streams) {
    AvroSerde<AnalyticsRow> rows = new AvroSerde<>(AnalyticsRow.getClassSchema());
    AvroSerde<WindowState> states = new AvroSerde<>(WindowState.getClassSchema());
    AvroSerde<WindowRow> windows = new AvroSerde<>(WindowRow.getClassSchema());
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streams)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FirstRowPerFrame.STORE),
        Serdes.String(), Serdes.Long()));
    builder.stream(analyticsTopic, Consumed.with(Serdes.String(), rows)
            .withTimestampExtractor(new CaptureTimeExtractor()).withName("analytics-rows"))
        .processValues(FirstRowPerFrame::new, Named.as("first-row-per-frame"), FirstRowPerFrame.STORE)
        .groupByKey(Grouped.with("per-camera", Serdes.String(), rows))
        .windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
        .aggregate(WindowAggregate::empty, (camera, row, state) -> WindowAggregate.add(state, row),
            Named.as("window-sums"), Materialized.<String, WindowState, WindowStore<Bytes, byte[]>>as("window-sums-store")
                .withKeySerde(Serdes.String()).withValueSerde(states))
        .suppress(Suppressed.<Windowed<String>>untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("until-window-closes"))
        .toStream(Named.as("closed-windows"))
        .map((window, state) -> KeyValue.pair(window.key(), WindowAggregate.row(window.key(),
            window.window().startTime(), window.window().endTime(), state)), Named.as("window-rows"))
        .to(windowsTopic, Produced.with(Serdes.String(), windows).withName("windows-topic"));
    return builder.build();
  }
}
