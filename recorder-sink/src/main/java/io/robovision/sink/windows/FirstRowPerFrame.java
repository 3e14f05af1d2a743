package io.robovision.sink.windows;

import io.robovision.schemas.AnalyticsRow;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each camera's analytics row of a sequence number through once. The sink publishes a camera's rows in sequence
 * order, and a restarted sink publishes again the rows of the frames it records again (those after its last closed
 * segment), so a row at or below the highest sequence seen is such a repeat and would count its frame twice.
 */
final class FirstRowPerFrame implements FixedKeyProcessor<String, AnalyticsRow, AnalyticsRow> {
  static final String STORE = "last-sequence-per-camera";

  private FixedKeyProcessorContext<String, AnalyticsRow> context;
  private KeyValueStore<String, Long> lastSequence;

  @Override
  public void init(FixedKeyProcessorContext<String, AnalyticsRow> context) {
    this.context = context;
    this.lastSequence = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, AnalyticsRow> record) {
    long sequence = record.value().getSequence();
    Long last = lastSequence.get(record.key());
    if (last != null && sequence <= last) {
      return;
    }
    lastSequence.put(record.key(), sequence);
    context.forward(record);
  }
}
