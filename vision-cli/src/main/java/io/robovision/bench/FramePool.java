package io.robovision.bench;

import io.robovision.capture.CaptureStats;
import io.robovision.capture.encode.FrameEncoder;
import io.robovision.capture.publish.FramePublisher;
import io.robovision.capture.source.CapturedFrame;
import io.robovision.capture.source.SyntheticSource;
import io.robovision.config.KafkaSettings;
import io.robovision.schemas.Frame;
import io.robovision.telemetry.Telemetry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic frames encoded once per camera and published as often as needed with fresh sequence numbers. */
final class FramePool {
  private final List<List<Frame>> cameras = new ArrayList<>();

  FramePool(int cameraCount, int distinctPerCamera, int width, int height) {
    FrameEncoder encoder = new FrameEncoder(width, height, 90);
    for (int camera = 1; camera <= cameraCount; camera++) {
      List<Frame> frames = new ArrayList<>();
      try (SyntheticSource source = new SyntheticSource(camera, width, height, 10)) {
        for (int i = 0; i < distinctPerCamera; i++) {
          try (CapturedFrame frame = source.next()) {
            frames.add(encoder.encode("camera-" + camera, i, frame.captureTimeMillis(), frame.image(), null));
          }
        }
      }
      cameras.add(frames);
    }
  }

  /** Frame {@code index} of the run: cameras take turns, each with its own sequence. */
  Frame frame(long index) {
    int camera = (int) (index % cameras.size());
    long sequence = index / cameras.size();
    List<Frame> frames = cameras.get(camera);
    return Frame.newBuilder(frames.get((int) (sequence % frames.size())))
        .setSequence(sequence).setCaptureTime(Instant.now()).build();
  }

  /** Publishes {@code count} frames and waits until the broker has acknowledged them all. */
  void publish(KafkaSettings kafka, String topic, long count) {
    try (Telemetry telemetry = new Telemetry()) {
      CaptureStats stats = new CaptureStats(telemetry, "bench");
      try (FramePublisher publisher = new FramePublisher(kafka, topic, "bench", stats)) {
        for (long i = 0; i < count; i++) {
          publisher.publish(frame(i));
        }
        publisher.flush();
      }
      if (stats.publishedCount() != count) {
        throw new IllegalStateException("only " + stats.publishedCount() + " of " + count + " frames reached topic "
            + topic + " (" + stats.failedCount() + " failed)");
      }
    }
  }

  /** Writes the distinct JPEGs of every camera into a folder, for the Python loop. */
  void writeJpegs(Path folder) throws IOException {
    Files.createDirectories(folder);
    int n = 0;
    for (List<Frame> frames : cameras) {
      for (Frame frame : frames) {
        ByteBuffer image = frame.getImage().duplicate();
        byte[] bytes = new byte[image.remaining()];
        image.get(bytes);
        Files.write(folder.resolve(String.format("%06d.jpg", n++)), bytes);
      }
    }
  }
}
