package io.robovision.capture.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestFramesTest {
  @Test
  void dropsTheOldestWhenFullAndReportsEachDrop() throws Exception {
    List<Integer> dropped = new ArrayList<>();
    LatestFrames<Integer> frames = new LatestFrames<>(3, dropped::add);
    for (int i = 0; i < 7; i++) {
      frames.offer(i);
    }
    frames.close();
    List<Integer> taken = new ArrayList<>();
    Integer next;
    while ((next = frames.take()) != null) {
      taken.add(next);
    }
    assertThat(taken).containsExactly(4, 5, 6);
    assertThat(dropped).containsExactly(0, 1, 2, 3);
  }

  @Test
  void takeWaitsForAFrame() throws Exception {
    LatestFrames<String> frames = new LatestFrames<>(2, f -> { });
    Thread producer = new Thread(() -> frames.offer("late"));
    producer.start();
    assertThat(frames.take()).isEqualTo("late");
    producer.join();
  }
}
