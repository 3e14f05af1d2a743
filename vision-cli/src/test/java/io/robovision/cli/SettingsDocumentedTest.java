package io.robovision.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.capture.CaptureConfig;
import io.robovision.capture.CaptureMain;
import io.robovision.config.KafkaSettings;
import io.robovision.config.SettingDoc;
import io.robovision.config.SharedSettings;
import io.robovision.config.Topics;
import io.robovision.sink.SinkConfig;
import io.robovision.sink.SinkMain;
import io.robovision.worker.WorkerConfig;
import io.robovision.worker.WorkerMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every setting the code reads is in --help and in the README's settings table. */
class SettingsDocumentedTest {
  private static List<String> settingKeysDeclaredIn(Class<?>... types) throws IllegalAccessException {
    List<String> keys = new ArrayList<>();
    for (Class<?> type : types) {
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          String value = (String) field.get(null);
          if (value.matches("[a-z]+(\\.[a-z]+)+")) {
            keys.add(value);
          }
        }
      }
    }
    return keys;
  }

  @Test
  void everySettingKeyInTheCodeIsDocumented() throws Exception {
    List<String> declared = settingKeysDeclaredIn(CaptureConfig.class, WorkerConfig.class, SinkConfig.class,
        Topics.class, KafkaSettings.class, SharedSettings.class);
    assertThat(declared).hasSizeGreaterThan(30);
    List<String> documented = SettingsHelp.all().stream().map(SettingDoc::key).toList();
    assertThat(documented).containsAll(declared);
  }

  @Test
  void theReadmeTableListsEverySettingWithItsDefault() throws Exception {
    List<String> table = Files.readAllLines(Path.of("..", "README.md")).stream()
        .filter(line -> line.startsWith("| `")).toList();
    for (SettingDoc doc : SettingsHelp.all()) {
      assertThat(table).as("README settings row of %s", doc.key())
          .anyMatch(line -> line.startsWith("| `" + doc.key() + "` |")
              && (doc.defaultValue().isEmpty() || line.contains("`" + doc.defaultValue() + "`")));
    }
  }

  @Test
  void eachCommandsHelpListsItsSettings() {
    SettingsHelp.BY_COMMAND.forEach((command, settings) -> {
      StringWriter out = new StringWriter();
      CommandLine commandLine = VisionCommand.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      assertThat(commandLine.execute(command, "--help")).isZero();
      settings.forEach(doc -> assertThat(out.toString()).as("vision %s --help", command)
          .contains(doc.key()).contains(doc.environmentVariable()));
    });
  }

  @Test
  void eachImagesEntryPointHelpListsItsSettings() {
    Map<String, CommandLine> entries = Map.of(
        "capture", CaptureMain.commandLine(), "segment", WorkerMain.commandLine(), "record", SinkMain.commandLine());
    entries.forEach((command, commandLine) -> {
      StringWriter out = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      assertThat(commandLine.execute("--help")).isZero();
      SettingsHelp.BY_COMMAND.get(command).forEach(doc -> assertThat(out.toString()).contains(doc.key()));
    });
  }
}
