package io.robovision.config;

import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Layered settings with Kafka-style dotted names. Later layers win: properties file, then
 * environment variables ({@code VISION_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}), then
 * command-line options.
 */
public final class Settings {
  public static final String ENV_PREFIX = "VISION_";

  private final Map<String, String> values;

  public Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Reads the optional properties file, then the environment, then the explicit overrides. */
  public static Settings load(Path propertiesFile, Map<String, String> environment,
      Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (propertiesFile != null) {
      merged.putAll(readProperties(propertiesFile));
    }
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        merged.put(environmentKey(name), value);
      }
    });
    overrides.forEach((key, value) -> {
      if (value != null) {
        merged.put(key, value);
      }
    });
    return new Settings(merged);
  }

  /** {@code VISION_TOPIC_FRAMES} becomes {@code topic.frames}. */
  public static String environmentKey(String variable) {
    return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The environment variable that sets {@code key}. */
  public static String environmentVariable(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    overrides.forEach((key, value) -> {
      if (value != null) {
        merged.put(key, value);
      }
    });
    return new Settings(merged);
  }

  public Optional<String> find(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String key, String defaultValue) {
    return find(key).orElse(defaultValue);
  }

  public String required(String key) {
    return find(key).orElseThrow(() -> new ConfigException(key, "is not set (set it in the properties file, "
        + "with the command-line option or with " + environmentVariable(key) + ")"));
  }

  public int integer(String key, int defaultValue) {
    return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
  }

  public long longValue(String key, long defaultValue) {
    return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
  }

  public double decimal(String key, double defaultValue) {
    return find(key).map(v -> parse(key, v, Double::parseDouble)).orElse(defaultValue);
  }

  public boolean bool(String key, boolean defaultValue) {
    return find(key).map(v -> {
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw new ConfigException(key, "must be true or false, got '" + v + "'");
      }
      return Boolean.parseBoolean(v);
    }).orElse(defaultValue);
  }

  /** Every setting under {@code prefix}, with the prefix removed: {@code kafka.} passes straight to the clients. */
  public Map<String, Object> withPrefix(String prefix) {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        result.put(key.substring(prefix.length()), value);
      }
    });
    return result;
  }

  /**
   * Where the bundled files (models, class lists) live: {@code vision.home} if set (the
   * {@code vision} script sets it to the repository), else the working directory.
   */
  public Path home() {
    return Path.of(find("vision.home").orElse(System.getProperty("vision.home", ".")));
  }

  public Map<String, String> asMap() {
    return values;
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a number, got '" + value + "'");
    }
  }

  private static Map<String, String> readProperties(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file", "'" + file + "' does not exist or is not a file");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("config file", "cannot read '" + file + "': " + FileErrors.reason(e));
    }
    Map<String, String> result = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> result.put(name, properties.getProperty(name)));
    return result;
  }
}
