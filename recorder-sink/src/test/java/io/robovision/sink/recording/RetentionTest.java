package io.robovision.sink.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @TempDir
  Path out;

  @Test
  void deletesSegmentsClosedLongerAgoThanTheMaximumAgeButKeepsEachCamerasNewest() throws Exception {
    List<SegmentFile> closed = new ArrayList<>();
    closed.add(segment("a", "2026-11-25/10-00-00.mp4", 100, NOW.minus(Duration.ofHours(26))));
    closed.add(segment("b", "2026-11-25/10-00-00.mp4", 100, NOW.minus(Duration.ofHours(26))));
    closed.add(segment("a", "2026-11-26/11-00-00.mp4", 100, NOW.minus(Duration.ofHours(1))));

    List<Path> deleted = new Retention(Duration.ofHours(24), 0).apply(closed, NOW);

    assertThat(deleted).containsExactly(out.resolve("a/2026-11-25/10-00-00.mp4"));
    assertThat(out.resolve("a/2026-11-25")).doesNotExist();
    assertThat(out.resolve("b/2026-11-25/10-00-00.mp4")).exists();
    assertThat(out.resolve("a/2026-11-26/11-00-00.mp4")).exists();
  }

  @Test
  void deletesTheOldestSegmentsWhileAllTogetherAreOverTheByteBudget() throws Exception {
    List<SegmentFile> closed = new ArrayList<>();
    closed.add(segment("a", "2026-11-26/10-00-00.mp4", 400, NOW));
    closed.add(segment("a", "2026-11-26/10-01-00.mp4", 400, NOW));
    closed.add(segment("b", "2026-11-26/10-01-00.mp4", 400, NOW));
    closed.add(segment("a", "2026-11-26/10-02-00.mp4", 400, NOW));
    closed.add(segment("b", "2026-11-26/10-02-00.mp4", 400, NOW));

    List<Path> deleted = new Retention(Duration.ZERO, 1_000).apply(closed, NOW);

    assertThat(deleted).containsExactly(out.resolve("a/2026-11-26/10-00-00.mp4"),
        out.resolve("a/2026-11-26/10-01-00.mp4"), out.resolve("b/2026-11-26/10-01-00.mp4"));
    assertThat(out.resolve("a/2026-11-26/10-02-00.mp4")).exists();
    assertThat(out.resolve("b/2026-11-26/10-02-00.mp4")).exists();
  }

  @Test
  void zeroLimitsKeepEverything() throws Exception {
    List<SegmentFile> closed = List.of(segment("a", "2026-01-01/00-00-00.mp4", 1 << 20, Instant.EPOCH),
        segment("a", "2026-01-01/00-01-00.mp4", 1 << 20, Instant.EPOCH));
    Retention keepAll = new Retention(Duration.ZERO, 0);
    assertThat(keepAll.enabled()).isFalse();
    assertThat(keepAll.apply(closed, NOW)).isEmpty();
    assertThat(closed).allSatisfy(segment -> assertThat(segment.file()).exists());
  }

  private SegmentFile segment(String camera, String name, int bytes, Instant closedAt) throws Exception {
    Path file = out.resolve(camera).resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
    VideoFiles files = new VideoFiles(out);
    return files.closed(camera).stream().filter(s -> s.file().equals(file)).findFirst()
        .map(s -> new SegmentFile(s.cameraDir(), s.file(), s.start(), s.suffix(), s.bytes(), closedAt))
        .orElseThrow();
  }
}
