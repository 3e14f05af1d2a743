package io.robovision.sink.overlay;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the recorded video shows: the overlay, the camera's own picture, or both next to each other. */
public enum OutputVariant {
  OVERLAY("overlay"),
  ORIGINAL("original"),
  SIDE_BY_SIDE("side-by-side");

  private final String label;

  OutputVariant(String label) {
    this.label = label;
  }

  /** The name used in settings and on the command line. */
  public String label() {
    return label;
  }

  /** Parses a label; the message lists the valid ones. */
  public static OutputVariant parse(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.label.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values())
            .map(OutputVariant::label).collect(Collectors.joining(", ")) + ", got '" + label + "'"));
  }
}
