package io.robovision.sink.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends the sink's rows and dead letters and keeps every record whose delivery failed (a broker away for longer than
 * {@code delivery.timeout.ms}, a topic that refuses it) to send it again. The sink commits its offsets only once
 * {@link #flush()} finds nothing failed, so no row is lost behind a later commit; a row sent again arrives after
 * rows that were sent later.
 */
public final class RowDelivery {
  private final Producer<String, byte[]> producer;
  private final Queue<ProducerRecord<String, byte[]>> failed = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Exception> lastFailure = new AtomicReference<>();

  public RowDelivery(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  public void send(ProducerRecord<String, byte[]> record) {
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        lastFailure.set(error);
        failed.add(record);
      }
    });
  }

  /**
   * Waits until every record sent so far is acknowledged or has failed, then sends the failed ones again. Returns
   * what it sent again: empty when everything sent before this call was acknowledged.
   */
  public Resent flush() {
    producer.flush();
    List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
    for (ProducerRecord<String, byte[]> record = failed.poll(); record != null; record = failed.poll()) {
      again.add(record);
    }
    again.forEach(this::send);
    return new Resent(again.size(), again.isEmpty() ? null : lastFailure.get());
  }

  /** Records whose delivery failed since the last {@link #flush()}, which will send them again. */
  public int failedCount() {
    return failed.size();
  }

  /** How many records {@link #flush()} sent again, and the last delivery error. */
  public record Resent(int count, Exception lastError) {
    public boolean none() {
      return count == 0;
    }
  }
}
