package io.robovision.sink.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Writes BGR frames to an H.264 MP4 file with JavaCV's FFmpegFrameRecorder. */
public final class Mp4Recorder implements AutoCloseable {
  /** The H.264 encoder in JavaCV's LGPL FFmpeg build; named so that a hardware encoder is never picked instead. */
  private static final String ENCODER = "libopenh264";
  /** About 0.1 bit per pixel keeps overlay colours and edges clean; an hour of 640x480 at 25 fps stays under 400 MB. */
  private static final double BITS_PER_PIXEL = 0.1;
  private static final int MIN_BITRATE = 200_000;
  /** A key frame every two seconds bounds seek time in players. */
  private static final double KEY_FRAME_INTERVAL_S = 2.0;

  private final Path file;
  private final int width;
  private final int height;
  private final EvenSizePadder padder;
  private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
  private final FFmpegFrameRecorder recorder;
  private long framesWritten;
  private boolean closed;

  /**
   * Creates the file (and its parent directories) and starts the encoder.
   *
   * @param width  frame width; odd widths are padded by one column in the file
   * @param height frame height; odd heights are padded by one row in the file
   * @param fps    constant frame rate of the file
   */
  public Mp4Recorder(Path file, int width, int height, double fps) {
    this(file, width, height, fps, Map.of());
  }

  /** As above, with container tags such as {@code comment} written into the file. */
  public Mp4Recorder(Path file, int width, int height, double fps, Map<String, String> tags) {
    if (!EncodedSize.encodable(width, height)) {
      throw new IllegalArgumentException("OpenH264 encodes frames of at least " + EncodedSize.MIN_SIDE
          + " pixels a side and at most " + EncodedSize.MAX_MACROBLOCKS + " macroblocks of 16x16 (e.g. 4096x2304), got "
          + width + "x" + height + "; scale the frames to EncodedSize.fit(" + width + ", " + height + ")");
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("fps must be positive and finite, got " + fps);
    }
    this.file = file;
    this.width = width;
    this.height = height;
    createParentDirectories(file);
    this.padder = new EvenSizePadder(width, height);
    this.recorder = new FFmpegFrameRecorder(file.toFile(), padder.evenWidth(), padder.evenHeight(), 0);
    recorder.setFormat("mp4");
    recorder.setMetadata(new HashMap<>(tags));
    recorder.setVideoCodec(AV_CODEC_ID_H264);
    recorder.setVideoCodecName(ENCODER);
    recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(fps);
    recorder.setGopSize(Math.max(1, (int) Math.round(fps * KEY_FRAME_INTERVAL_S)));
    recorder.setVideoBitrate(bitrate(padder.evenWidth(), padder.evenHeight(), fps));
    // OpenH264 may otherwise skip frames to hold the bitrate, and a skipped frame would be missing from the file.
    recorder.setVideoOption("allow_skip_frames", "0");
    try {
      recorder.start();
    } catch (FFmpegFrameRecorder.Exception e) {
      RecordingException failure = new RecordingException("Cannot start H.264 recording to " + file, e);
      releaseAfterFailedStart(failure);
      throw failure;
    }
  }

  /** Encodes one frame, which must be {@code width}x{@code height} CV_8UC3 (BGR). */
  public void write(Mat bgr) {
    if (closed) {
      throw new IllegalStateException("Recorder for " + file + " is closed");
    }
    if (bgr.cols() != width || bgr.rows() != height || bgr.type() != CV_8UC3) {
      throw new IllegalArgumentException("Recorder for " + file + " expects " + width + "x" + height
          + " CV_8UC3 frames, got " + bgr.cols() + "x" + bgr.rows() + " of type " + bgr.type());
    }
    Frame frame = converter.convert(padder.pad(bgr));
    try {
      // The presentation time is the frame's index, so the file holds exactly one frame per write at the set rate.
      recorder.setFrameNumber(Math.toIntExact(framesWritten));
      recorder.record(frame, AV_PIX_FMT_BGR24);
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new RecordingException("Cannot encode frame " + framesWritten + " into " + file, e);
    }
    framesWritten++;
  }

  public long framesWritten() {
    return framesWritten;
  }

  public Path file() {
    return file;
  }

  /** Flushes the encoder and writes the MP4 index (moov atom); later calls do nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // stop() flushes the encoder, writes the trailer and releases FFmpeg's state even when writing fails.
      recorder.stop();
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new RecordingException("Cannot finish MP4 file " + file, e);
    } finally {
      converter.close();
      padder.close();
    }
  }

  private static int bitrate(int width, int height, double fps) {
    return (int) Math.max(MIN_BITRATE, Math.min(Integer.MAX_VALUE, width * (double) height * fps * BITS_PER_PIXEL));
  }

  private static void createParentDirectories(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new RecordingException("Cannot create the directory for " + file, e);
    }
  }

  private void releaseAfterFailedStart(RecordingException failure) {
    try {
      recorder.release();
    } catch (FFmpegFrameRecorder.Exception e) {
      failure.addSuppressed(e);
    } finally {
      converter.close();
      padder.close();
    }
  }
}
