package io.robovision.sink;

import java.io.FileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Reads back what a recorder sink wrote: the frames of an MP4 and the sequence numbers in analytics.csv. */
public final class RecordedOutput {
  private RecordedOutput() {
  }

  /** The number of frames the video decodes to. */
  public static long videoFrames(Path video) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.start();
      long frames = 0;
      while (grabber.grabImage() != null) {
        frames++;
      }
      grabber.stop();
      return frames;
    }
  }

  /** Camera id to the sequence numbers of its rows, in file order. */
  public static Map<String, List<Long>> csvSequences(Path csv) throws Exception {
    Map<String, List<Long>> sequences = new HashMap<>();
    try (FileReader reader = new FileReader(csv.toFile())) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        sequences.computeIfAbsent(row.get("camera_id"), c -> new ArrayList<>()).add(Long.parseLong(row.get("sequence")));
      }
    }
    return sequences;
  }
}
