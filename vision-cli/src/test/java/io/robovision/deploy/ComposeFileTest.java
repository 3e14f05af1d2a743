package io.robovision.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.robovision.capture.CaptureMain;
import io.robovision.capture.CaptureSettingDocs;
import io.robovision.config.SettingDoc;
import io.robovision.config.Settings;
import io.robovision.sink.SinkMain;
import io.robovision.sink.SinkSettingDocs;
import io.robovision.worker.WorkerMain;
import io.robovision.worker.WorkerSettingDocs;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * docker-compose.yml only runs what our images understand: each command parses with the entry
 * point its image runs, each VISION_* variable is a setting that component reads, and Prometheus
 * scrapes the services on the port they serve metrics on.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("..");

  /** What each image runs: its component's command line and the settings it reads. */
  private record Entry(Supplier<CommandLine> commandLine, List<SettingDoc> settings) {
  }

  private static final Map<String, Entry> BY_DOCKERFILE = Map.of(
      "capture-agent/Dockerfile", new Entry(CaptureMain::commandLine, CaptureSettingDocs.ALL),
      "segmenter-worker/Dockerfile", new Entry(WorkerMain::commandLine, WorkerSettingDocs.ALL),
      "recorder-sink/Dockerfile", new Entry(SinkMain::commandLine, SinkSettingDocs.ALL));

  private static Map<String, Map<String, Object>> services;
  private static final Map<String, Entry> byImage = new HashMap<>();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readCompose() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
    services.forEach((name, service) -> {
      if (service.get("build") instanceof Map<?, ?> build) {
        String dockerfile = (String) build.get("dockerfile");
        assertThat(BY_DOCKERFILE).as("service %s builds %s", name, dockerfile).containsKey(dockerfile);
        byImage.put((String) service.get("image"), BY_DOCKERFILE.get(dockerfile));
      }
    });
    assertThat(byImage).hasSize(4);
  }

  private static List<String> ourServices() {
    return services.keySet().stream().filter(name -> byImage.containsKey(image(name))).toList();
  }

  private static String image(String service) {
    return (String) services.get(service).get("image");
  }

  @Test
  void everyComponentServiceRunsOneOfOurImages() {
    assertThat(ourServices()).contains("capture-synthetic", "capture-file", "segmenter-worker",
        "segmenter-worker-gpu", "recorder-sink");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyCommandIsAValidInvocationOfItsImagesEntryPoint() {
    for (String name : ourServices()) {
      Object command = services.get(name).get("command");
      List<String> args = command == null ? List.of() : command instanceof List<?> list
          ? (List<String>) list : List.of(((String) command).split("\\s+"));
      CommandLine commandLine = byImage.get(image(name)).commandLine().get();
      assertThatCode(() -> commandLine.parseArgs(args.toArray(String[]::new)))
          .as("command of service %s", name).doesNotThrowAnyException();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyVisionVariableIsASettingOfThatComponent() {
    for (String name : ourServices()) {
      Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
      assertThat(environment).as("environment of %s", name).isNotNull().containsKey("VISION_BOOTSTRAP_SERVERS");
      List<SettingDoc> known = byImage.get(image(name)).settings();
      environment.keySet().stream().filter(variable -> variable.startsWith(Settings.ENV_PREFIX)).forEach(variable -> {
        String key = Settings.environmentKey(variable);
        assertThat(known.stream().anyMatch(doc -> doc.covers(key)))
            .as("%s of service %s sets '%s', which %s does not read", variable, name, key, image(name)).isTrue();
      });
    }
  }

  @Test
  void scaledWorkersHaveNoFixedNameOrHostPort() {
    for (String name : List.of("segmenter-worker", "segmenter-worker-gpu")) {
      assertThat(services.get(name)).doesNotContainKeys("container_name", "ports");
    }
    assertThat(services.get("segmenter-worker-gpu").toString()).contains("driver=nvidia", "capabilities=[gpu]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEveryComponentServiceOnItsMetricsPort() throws IOException {
    Map<String, Object> prometheus;
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/prometheus/prometheus.yml"))) {
      prometheus = new Yaml().load(reader);
    }
    List<String> scraped = new ArrayList<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
      for (Map<String, Object> sd : (List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())) {
        for (String service : (List<String>) sd.get("names")) {
          Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
          assertThat(String.valueOf(environment.get("VISION_METRICS_PORT")))
              .as("metrics port of %s", service).isEqualTo(String.valueOf(sd.get("port")));
          scraped.add(service);
        }
      }
    }
    assertThat(scraped).containsExactlyInAnyOrderElementsOf(ourServices());
  }

  @Test
  void everyFileTheImagesCopyFromTheRepositoryExists() throws IOException {
    for (String dockerfile : BY_DOCKERFILE.keySet()) {
      for (String source : copySources(Files.readString(ROOT.resolve(dockerfile)))) {
        assertThat(ROOT.resolve(source)).as("COPY source %s in %s", source, dockerfile).exists();
      }
    }
  }

  /** Sources of COPY/ADD lines that read the build context (not another stage), continuation lines joined. */
  private static List<String> copySources(String dockerfile) {
    List<String> sources = new ArrayList<>();
    for (String line : dockerfile.replace("\\\n", " ").split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (!words[0].equals("COPY") && !words[0].equals("ADD")) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
      if (args.stream().anyMatch(arg -> arg.startsWith("--from="))) {
        continue;
      }
      args.removeIf(arg -> arg.startsWith("--"));
      sources.addAll(args.subList(0, args.size() - 1));
    }
    assertThat(sources).as("COPY sources").isNotEmpty();
    return sources;
  }
}
