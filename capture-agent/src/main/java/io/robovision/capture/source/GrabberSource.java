package io.robovision.capture.source;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** A video file, a V4L2 camera or an RTSP/HTTP stream, read through FFmpeg. */
public final class GrabberSource implements FrameSource {
  private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");
  private final FFmpegFrameGrabber grabber;
  private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
  private final String description;
  private final boolean live;
  private long lastTimestamp = -1;

  private GrabberSource(FFmpegFrameGrabber grabber, String description, boolean live) {
    this.grabber = grabber;
    this.description = description;
    this.live = live;
  }

  /** Opens the source, failing with the address and FFmpeg's reason when it cannot. */
  public static GrabberSource open(String address, String format, boolean live, String description)
      throws SourceException {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(address);
    if (format != null) {
      grabber.setFormat(format);
    }
    if (address.startsWith("rtsp://")) {
      grabber.setOption("rtsp_transport", "tcp");
      grabber.setOption("timeout", "10000000");
    } else if (live) {
      grabber.setOption("rw_timeout", "10000000");
    }
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    try {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      closeQuietly(grabber);
      throw new SourceException("cannot open " + description + ": " + reason(e), e);
    }
    return new GrabberSource(grabber, description, live);
  }

  @Override
  public CapturedFrame next() throws SourceException {
    try {
      Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        Mat image = converter.convert(frame);
        if (image != null && !image.empty()) {
          // A timestamp that does not rise (none, stuck at 0, a repeat) is no stamp: the pacer places it by arrival.
          long streamMicros = frame.timestamp > lastTimestamp ? frame.timestamp : -1;
          lastTimestamp = frame.timestamp;
          return new CapturedFrame(image.clone(), null, System.currentTimeMillis(), streamMicros);
        }
      }
      return null;
    } catch (FrameGrabber.Exception e) {
      throw new SourceException("cannot read from " + description + ": " + reason(e), e);
    }
  }

  @Override
  public boolean live() {
    return live;
  }

  @Override
  public double nativeFps() {
    double rate = grabber.getFrameRate();
    return Double.isFinite(rate) && rate > 0 && rate < 1000 ? rate : 0;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    closeQuietly(grabber);
    converter.close();
  }

  /**
   * FFmpeg's own words for the error code in JavaCV's message, which otherwise names the C call and adds hints meant
   * for JavaCV's developers ("Has setFormat() been called?").
   */
  private static String reason(FrameGrabber.Exception e) {
    Matcher code = ERROR_CODE.matcher(String.valueOf(e.getMessage()));
    if (!code.find()) {
      return e.getMessage();
    }
    int error = Integer.parseInt(code.group(1));
    byte[] text = new byte[256];
    if (avutil.av_strerror(error, text, text.length) != 0) {
      return e.getMessage();
    }
    int length = 0;
    while (length < text.length && text[length] != 0) {
      length++;
    }
    return new String(text, 0, length, StandardCharsets.UTF_8) + " (FFmpeg error " + error + ")";
  }

  private static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      // Closing after a failed start or at shutdown: nothing left to recover.
    }
  }
}
