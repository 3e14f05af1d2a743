package io.robovision.sink.windows;

import io.robovision.schemas.AnalyticsRow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time of an analytics row is its frame's capture time, so windows hold what the camera saw in them. */
public final class CaptureTimeExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof AnalyticsRow row) {
      return row.getCaptureTime().toEpochMilli();
    }
    return record.timestamp();
  }
}
