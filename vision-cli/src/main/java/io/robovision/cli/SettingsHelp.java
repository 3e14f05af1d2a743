package io.robovision.cli;

import io.robovision.capture.CaptureSettingDocs;
import io.robovision.config.SettingDoc;
import io.robovision.sink.SinkSettingDocs;
import io.robovision.worker.WorkerSettingDocs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Lists, under each command's --help, every setting the command reads with its default and variable. */
public final class SettingsHelp {
  /** The settings each subcommand reads; the demo runs every component. */
  public static final Map<String, List<SettingDoc>> BY_COMMAND = Map.of(
      "capture", CaptureSettingDocs.ALL,
      "segment", WorkerSettingDocs.ALL,
      "record", SinkSettingDocs.ALL,
      "demo", all());

  private SettingsHelp() {
  }

  /** Every documented setting once. */
  public static List<SettingDoc> all() {
    Map<String, SettingDoc> byKey = new LinkedHashMap<>();
    Stream.of(CaptureSettingDocs.ALL, WorkerSettingDocs.OWN, SinkSettingDocs.OWN)
        .flatMap(List::stream)
        .forEach(doc -> byKey.putIfAbsent(doc.key(), doc));
    return List.copyOf(byKey.values());
  }

  static void addTo(CommandLine commandLine) {
    BY_COMMAND.forEach((name, settings) -> {
      List<String> footer = new ArrayList<>();
      footer.add("");
      footer.add("Settings (--config file < VISION_* environment < --set < options):");
      footer.addAll(SettingDoc.helpLines(settings));
      commandLine.getSubcommands().get(name).getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    });
  }
}
