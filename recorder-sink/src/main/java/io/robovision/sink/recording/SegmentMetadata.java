package io.robovision.sink.recording;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What a segment file says about itself: the camera and the sequence number of its first frame,
 * kept in the MP4's {@code comment} tag. A segment holds exactly one video frame per sequence
 * number, so its last sequence number is the first plus its frame count minus one: the file alone
 * tells a restarted sink where recording stopped.
 */
public record SegmentMetadata(String cameraId, long firstSequence, long frames) {
  static final String TAG = "comment";
  private static final Pattern VALUE = Pattern.compile("robovision first_sequence=(\\d+) camera=(.*)");

  /** The tags to write into a new segment. */
  static Map<String, String> tags(String cameraId, long firstSequence) {
    return Map.of(TAG, "robovision first_sequence=" + firstSequence + " camera=" + cameraId);
  }

  public long lastSequence() {
    return firstSequence + frames - 1;
  }

  /** Reads a closed segment; empty when the file was not written by this sink or cannot be read. */
  public static Optional<SegmentMetadata> read(Path file) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start(false);
      String comment = grabber.getMetadata(TAG);
      Matcher value = comment == null ? null : VALUE.matcher(comment);
      long frames = videoFrames(grabber.getFormatContext());
      grabber.stop();
      if (value == null || !value.matches() || frames <= 0) {
        return Optional.empty();
      }
      return Optional.of(new SegmentMetadata(value.group(2), Long.parseLong(value.group(1)), frames));
    } catch (FrameGrabber.Exception | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The frame count in the MP4 index (one entry per encoded frame), without decoding anything. */
  private static long videoFrames(AVFormatContext format) {
    for (int i = 0; i < format.nb_streams(); i++) {
      if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
        return format.streams(i).nb_frames();
      }
    }
    return 0;
  }
}
