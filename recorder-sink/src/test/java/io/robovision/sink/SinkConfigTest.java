package io.robovision.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.robovision.config.ConfigException;
import io.robovision.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {
  @Test
  void rendersOnHalfTheCoresFromOneToFourThreads() {
    assertThat(SinkConfig.defaultRenderThreads(1)).isEqualTo(1);
    assertThat(SinkConfig.defaultRenderThreads(2)).isEqualTo(1);
    assertThat(SinkConfig.defaultRenderThreads(6)).isEqualTo(3);
    assertThat(SinkConfig.defaultRenderThreads(64)).isEqualTo(4);
    assertThat(SinkConfig.from(new Settings(Map.of(SinkConfig.RENDER_THREADS, "3"))).renderThreads()).isEqualTo(3);
  }

  @Test
  void namesTheSettingThatIsWrong() {
    assertThatThrownBy(() -> SinkConfig.from(new Settings(Map.of(SinkConfig.RENDER_THREADS, "0"))))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("sink.render.threads");
  }
}
