package io.robovision.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One setting as the help and the README describe it: its key, its default and what it does. */
public record SettingDoc(String key, String defaultValue, String description) {

  /** The environment variable that sets it ({@code VISION_CAPTURE_FPS}); {@code kafka.*} gives a pattern. */
  public String environmentVariable() {
    return key.endsWith(".*")
        ? Settings.ENV_PREFIX + key.substring(0, key.length() - 2).toUpperCase(Locale.ROOT).replace('.', '_') + "_*"
        : Settings.environmentVariable(key);
  }

  /** True when {@code key} is this setting, or falls under it when this one is a prefix such as {@code kafka.*}. */
  public boolean covers(String candidate) {
    return key.endsWith(".*")
        ? candidate.startsWith(key.substring(0, key.length() - 1)) && candidate.length() > key.length() - 1
        : key.equals(candidate);
  }

  /** Lines for a {@code --help} footer: the key, default and variable, then the description indented. */
  public static List<String> helpLines(List<SettingDoc> settings) {
    return settings.stream()
        .flatMap(s -> Stream.of(
            "  " + s.key() + (s.defaultValue().isEmpty() ? "" : " = " + s.defaultValue())
                + "  (" + s.environmentVariable() + ")",
            "      " + s.description()))
        .toList();
  }
}
