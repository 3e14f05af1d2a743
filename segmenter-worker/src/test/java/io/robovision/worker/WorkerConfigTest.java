package io.robovision.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.robovision.config.ConfigException;
import io.robovision.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {
  @Test
  void twoPredictorsFromTwoCoresThenOnePerFourCoresUpToFour() {
    assertThat(WorkerConfig.defaultPredictors(1)).isEqualTo(1);
    assertThat(WorkerConfig.defaultPredictors(2)).isEqualTo(2);
    assertThat(WorkerConfig.defaultPredictors(4)).isEqualTo(2);
    assertThat(WorkerConfig.defaultPredictors(8)).isEqualTo(2);
    assertThat(WorkerConfig.defaultPredictors(16)).isEqualTo(4);
    assertThat(WorkerConfig.defaultPredictors(96)).isEqualTo(4);
  }

  @Test
  void sharesTheCoresAmongThePredictorsUnlessToldOtherwise() {
    int cores = Runtime.getRuntime().availableProcessors();
    WorkerConfig config = WorkerConfig.from(new Settings(Map.of(WorkerConfig.PREDICTORS, "2")));
    assertThat(config.inferenceThreads()).isEqualTo(Math.max(1, cores / 2));
    assertThat(config.throughput().predictors()).isEqualTo(2);
    assertThat(config.throughput().maxFrameAgeMs()).isZero();
    assertThat(config.throughput().device()).isEqualTo("auto");
    assertThat(config.commitIntervalMs()).isEqualTo(200);
    assertThat(WorkerConfig.from(new Settings(Map.of(WorkerConfig.INFERENCE_THREADS, "3"))).inferenceThreads())
        .isEqualTo(3);
  }

  @Test
  void namesTheSettingThatIsWrong() {
    assertThatThrownBy(() -> WorkerConfig.from(new Settings(Map.of(WorkerConfig.BATCH_SIZE, "0"))))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("worker.batch.size");
    assertThatThrownBy(() -> WorkerConfig.from(new Settings(Map.of(WorkerConfig.MAX_FRAME_AGE_MS, "-1"))))
        .hasMessageStartingWith("worker.max.frame.age.ms");
    assertThatThrownBy(() -> WorkerConfig.from(new Settings(Map.of(WorkerConfig.DEVICE, "tpu"))))
        .hasMessageStartingWith("inference.device");
    assertThatThrownBy(() -> WorkerConfig.from(new Settings(Map.of(WorkerConfig.COMMIT_INTERVAL_MS, "-5"))))
        .hasMessageStartingWith("worker.commit.interval.ms");
  }
}
