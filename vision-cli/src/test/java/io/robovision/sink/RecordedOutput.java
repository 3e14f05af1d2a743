package io.robovision.sink;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads back what a recorder sink wrote: the frames of its MP4s and the sequence numbers in analytics.csv. */
public final class RecordedOutput {
  private RecordedOutput() {
  }

  /** Decodes the video, handing each frame to {@code each} (the Mat is reused); returns how many there were. */
  public static long frames(Path video, Consumer<Mat> each) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      grabber.start();
      long frames = 0;
      org.bytedeco.javacv.Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        each.accept(converter.convert(frame));
        frames++;
      }
      grabber.stop();
      return frames;
    }
  }

  /** The number of frames the video decodes to. */
  public static long videoFrames(Path video) throws Exception {
    return frames(video, image -> { });
  }

  /** The frames of every MP4 segment in a camera's folder, added up. */
  public static long cameraFrames(Path cameraDir) throws Exception {
    List<Path> videos;
    try (Stream<Path> walk = Files.walk(cameraDir)) {
      videos = walk.filter(path -> path.getFileName().toString().endsWith(".mp4")).sorted().toList();
    }
    long frames = 0;
    for (Path video : videos) {
      frames += videoFrames(video);
    }
    return frames;
  }

  /** Camera id to the sequence numbers of its rows, in file order. */
  public static Map<String, List<Long>> csvSequences(Path csv) throws IOException {
    Map<String, List<Long>> sequences = new HashMap<>();
    try (FileReader reader = new FileReader(csv.toFile())) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        sequences.computeIfAbsent(row.get("camera_id"), c -> new ArrayList<>()).add(Long.parseLong(row.get("sequence")));
      }
    }
    return sequences;
  }
}
