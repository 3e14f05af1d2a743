package io.robovision.cli;

import io.robovision.config.Settings;
import io.robovision.demo.Demo;
import io.robovision.demo.DemoOptions;
import io.robovision.demo.DemoSummary;
import io.robovision.sink.SinkConfig;
import io.robovision.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vision demo}: the whole pipeline in one JVM, on an embedded broker. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs an embedded Kafka broker, N capture agents, a segmenter worker and the recorder sink in one JVM,",
        "then prints a summary and writes OUT/summary.json, OUT/analytics.csv and OUT/<camera>/<date>/<time>.mp4 segments",
        "(10 s each unless --segment-seconds or sink.segment.seconds says otherwise).",
        "The sink's analytics windows run too and publish to vision.analytics.windows (the summary counts the rows);"
            + " settings analytics.window.seconds, analytics.window.grace.seconds, analytics.windows.enabled."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:every published frame recorded once", "1:the run failed: a setting, a file, a model or the"
        + " broker (one line says which)", "2:a command-line option is wrong", "3:a frame was lost or recorded twice",
        "4:no camera delivered a frame (see the capture warnings)"})
public final class DemoCommand implements Callable<Integer> {
  private static final String DEMO_SEGMENT_SECONDS = "10";

  @Option(names = "--cameras", defaultValue = "2", description = "number of cameras (default ${DEFAULT-VALUE})")
  int cameras;

  @Option(names = "--seconds", defaultValue = "30", description = "how long to capture (default ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--frames", defaultValue = "0", description = "stop each camera after this many frames (0: use --seconds)")
  long frames;

  @Option(names = "--source", defaultValue = "synthetic:",
      description = "synthetic:[SEED] (camera N shows scene SEED + N - 1; default seed 16), a video file,"
          + " /dev/videoN, a camera index or an rtsp/http URL (default ${DEFAULT-VALUE})")
  String source;

  @Option(names = "--model", defaultValue = "${sys:vision.home:-.}/models/deeplabv3_mobilenet_v3_large.pt",
      description = "TorchScript segmentation model (default ${DEFAULT-VALUE})")
  Path model;

  @Option(names = "--classes", defaultValue = "${sys:vision.home:-.}/models/voc_classes.txt",
      description = "class names, one per line, in model output order (default ${DEFAULT-VALUE})")
  Path classes;

  @Option(names = "--detector", defaultValue = "${sys:vision.home:-.}/models/yolo_synthetic.pt",
      description = "TorchScript detector with YOLOv5's output layout (default ${DEFAULT-VALUE})")
  Path detector;

  @Option(names = "--detector-classes", defaultValue = "${sys:vision.home:-.}/models/coco_classes.txt",
      description = "detector class names, one per line (default ${DEFAULT-VALUE})")
  Path detectorClasses;

  @Option(names = "--no-detection", description = "segmentation only")
  boolean noDetection;

  @Option(names = "--out", defaultValue = "out", description = "output folder (default ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--fps", defaultValue = "5", description = "frames per second per camera (default ${DEFAULT-VALUE})")
  double fps;

  @Option(names = "--width", description = "frame width, 0 keeps the source's (default 320 for synthetic sources, else 0)")
  Integer width;

  @Option(names = "--height", description = "frame height, 0 keeps the source's (default 240 for synthetic sources, else 0)")
  Integer height;

  @Option(names = "--input-width", defaultValue = "320", description = "model input width (default ${DEFAULT-VALUE})")
  int inputWidth;

  @Option(names = "--input-height", defaultValue = "240", description = "model input height (default ${DEFAULT-VALUE})")
  int inputHeight;

  @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--max-frame-age", paramLabel = "MS", description = "the worker answers SKIPPED for all but the"
      + " newest frame of a camera whose oldest waiting frame is older (setting worker.max.frame.age.ms; default 0 = off)")
  String maxFrameAge;

  @Option(names = "--device", description = "auto, cpu, gpu or gpu:N (setting inference.device; default auto)")
  String device;

  @Mixin
  RecordingOptions recording;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    boolean synthetic = source.toLowerCase(Locale.ROOT).startsWith("synthetic");
    DemoOptions options = new DemoOptions(cameras, frames > 0 ? 0 : seconds, frames, source, model, classes,
        noDetection ? null : detector, detectorClasses, out, fps,
        width != null ? width : synthetic ? 320 : 0, height != null ? height : synthetic ? 240 : 0,
        inputWidth, inputHeight, partitions);
    Map<String, String> commandSettings = new HashMap<>();
    commandSettings.put(WorkerConfig.MAX_FRAME_AGE_MS, maxFrameAge);
    commandSettings.put(WorkerConfig.DEVICE, device);
    commandSettings.putAll(recording.settings());
    Settings settings = common.load(commandSettings);
    if (settings.find(SinkConfig.SEGMENT_SECONDS).isEmpty()) {
      // A demo of half a minute would end inside the sink's first 60 s segment and show no rolling.
      settings = settings.with(Map.of(SinkConfig.SEGMENT_SECONDS, DEMO_SEGMENT_SECONDS));
    }
    Demo demo = new Demo(options, settings, System.out);
    DemoSummary summary;
    try (GracefulShutdown shutdown = new GracefulShutdown(demo::stop, Duration.ofMinutes(5))) {
      summary = demo.run(common.bootstrapServers);
      System.out.println();
      System.out.print(summary.describe());
      System.out.println("summary: " + out.resolve("summary.json"));
    }
    return summary.exitStatus();
  }
}
