package io.robovision.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How much of the machine's CPU went to other processes while a figure was measured: the machine's busy time from
 * /proc/stat (steal included, so other virtual machines count too) less this process' own, children included once
 * they have ended. A figure is only comparable with the others of its run when this stays near 0.
 */
final class OtherLoad {
  /** Above this share of the machine a figure is flagged as disturbed. */
  static final double DISTURBED = 0.10;

  private final Path machineStat;
  private final Path processStat;

  OtherLoad() {
    this(Path.of("/proc/stat"), Path.of("/proc/self/stat"));
  }

  OtherLoad(Path machineStat, Path processStat) {
    this.machineStat = machineStat;
    this.processStat = processStat;
  }

  /** CPU times in clock ticks: the machine's busy and total time, and this process' time with its ended children. */
  record Reading(long machineBusy, long machineTotal, long process) {
    /** From the first line of /proc/stat and the whole of /proc/self/stat. */
    static Reading parse(String cpuLine, String processLine) {
      String[] cpu = cpuLine.trim().split("\\s+");
      if (!cpu[0].equals("cpu") || cpu.length < 9) {
        throw new IllegalArgumentException("not the machine line of /proc/stat: " + cpuLine);
      }
      long user = Long.parseLong(cpu[1]);
      long nice = Long.parseLong(cpu[2]);
      long system = Long.parseLong(cpu[3]);
      long idle = Long.parseLong(cpu[4]);
      long iowait = Long.parseLong(cpu[5]);
      long irq = Long.parseLong(cpu[6]);
      long softirq = Long.parseLong(cpu[7]);
      long steal = Long.parseLong(cpu[8]);
      long busy = user + nice + system + irq + softirq + steal;
      // The command name may hold spaces and parentheses; the fields after its last ')' start at field 3, the state.
      String[] fields = processLine.substring(processLine.lastIndexOf(')') + 2).trim().split("\\s+");
      long process = 0;
      for (int field = 14; field <= 17; field++) {
        process += Long.parseLong(fields[field - 3]);
      }
      return new Reading(busy, busy + idle + iowait, process);
    }

    /** The share of the machine's CPU time since {@code start} that went to other processes, 0 to 1. */
    OptionalDouble othersSince(Reading start) {
      long total = machineTotal - start.machineTotal;
      if (total <= 0) {
        return OptionalDouble.empty();
      }
      long others = (machineBusy - start.machineBusy) - (process - start.process);
      return OptionalDouble.of(Math.min(1, Math.max(0, others / (double) total)));
    }
  }

  /** Now, or empty where /proc cannot be read (not Linux). */
  Optional<Reading> read() {
    try {
      String cpuLine = Files.readAllLines(machineStat).get(0);
      return Optional.of(Reading.parse(cpuLine, Files.readString(processStat)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
