package io.pressroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads {@code /proc}: process CPU times, the machine's busy time, a process's peak RSS. */
final class Procs {
  private Procs() {}

  static Optional<Cpu.ProcTimes> times(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "stat")).map(Cpu.ProcTimes::parse);
  }

  static Cpu.ProcTimes timesOrNone(long pid) {
    return pid > 0 ? times(pid).orElse(Cpu.ProcTimes.NONE) : Cpu.ProcTimes.NONE;
  }

  /** The process's direct children. */
  static List<Long> children(long pid) {
    return ProcessHandle.of(pid)
        .map(h -> h.children().map(ProcessHandle::pid).toList())
        .orElse(List.of());
  }

  static long busyTicks() {
    return Cpu.busyTicks(
        read(Path.of("/proc/stat"))
            .orElseThrow(() -> new BenchException("cannot read /proc/stat")));
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** {@code VmHWM} of {@code /proc/<pid>/status}: the process's peak resident set, in kB. */
  static OptionalLong peakRssKb(long pid) {
    return statusKb(pid, "VmHWM");
  }

  /**
   * {@code RssAnon} of {@code /proc/<pid>/status}: the part of the resident set that is the
   * process's own memory (a JVM's heap, metaspace, code, stacks) rather than pages of files it
   * mapped (a search index), which are the kernel's page cache, in kB. Linux keeps no peak of it.
   */
  static OptionalLong anonRssKb(long pid) {
    return statusKb(pid, "RssAnon");
  }

  private static OptionalLong statusKb(long pid, String field) {
    return read(Path.of("/proc", Long.toString(pid), "status"))
        .flatMap(
            status ->
                status
                    .lines()
                    .filter(l -> l.startsWith(field + ":"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .findFirst())
        .map(kb -> OptionalLong.of(Long.parseLong(kb)))
        .orElse(OptionalLong.empty());
  }

  /** The first line of a pid file (PostgreSQL's postmaster.pid), or 0. */
  static long pidFromFile(Path file) {
    return read(file)
        .flatMap(text -> text.lines().findFirst())
        .map(String::trim)
        .filter(s -> s.matches("[0-9]+"))
        .map(Long::parseLong)
        .orElse(0L);
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Samples the CPU time of the benchmark's processes. The app is one process; PostgreSQL is the
   * postmaster, its current children, and the ended children it waited for (parallel workers come
   * and go); nginx is its master and workers. wrk's time is read from this program's own ended
   * children, since the program waits for wrk and nothing else during a run.
   */
  record Sampler(long appPid, Path postgresPidFile, long nginxPid) {

    Cpu.Used since(Sample before, Sample after) {
      return new Cpu.Used(
          after.busy() - before.busy(),
          after.app() - before.app(),
          after.postgres() - before.postgres(),
          after.nginx() - before.nginx(),
          after.ownChildren() - before.ownChildren());
    }

    Sample sample() {
      long busy = busyTicks();
      long app = timesOrNone(appPid).own();
      long postgres = 0;
      long pg = pidFromFile(postgresPidFile);
      if (pg > 0) {
        Cpu.ProcTimes master = timesOrNone(pg);
        postgres = master.own() + master.children();
        for (long child : children(pg)) {
          postgres += timesOrNone(child).own();
        }
      }
      long nginx = 0;
      if (nginxPid > 0) {
        nginx = timesOrNone(nginxPid).own();
        for (long child : children(nginxPid)) {
          nginx += timesOrNone(child).own();
        }
      }
      long own = timesOrNone(ProcessHandle.current().pid()).children();
      return new Sample(busy, app, postgres, nginx, own);
    }
  }

  record Sample(long busy, long app, long postgres, long nginx, long ownChildren) {}
}
