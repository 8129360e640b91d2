package io.pressroom.bench;

/**
 * CPU accounting from {@code /proc}: how the machine's CPU was shared during a row between the
 * server (the app or nginx), PostgreSQL, wrk and every other process. Times are in clock ticks
 * ({@code getconf CLK_TCK}, 100 on Linux).
 */
final class Cpu {
  private Cpu() {}

  /** The four time fields of {@code /proc/<pid>/stat}, in clock ticks. */
  record ProcTimes(long utime, long stime, long cutime, long cstime) {
    static final ProcTimes NONE = new ProcTimes(0, 0, 0, 0);

    /**
     * Reads a {@code /proc/<pid>/stat} line. The command name in parentheses may hold spaces and
     * parentheses, so fields are counted from the last ')'; utime is field 14 of proc(5).
     */
    static ProcTimes parse(String stat) {
      int close = stat.lastIndexOf(')');
      if (close < 0) {
        throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
      }
      String[] f = stat.substring(close + 1).trim().split("\\s+");
      // f[0] is field 3 (state), so field n is f[n - 3].
      return new ProcTimes(
          Long.parseLong(f[11]),
          Long.parseLong(f[12]),
          Long.parseLong(f[13]),
          Long.parseLong(f[14]));
    }

    /** CPU time of the process itself. */
    long own() {
      return utime + stime;
    }

    /** CPU time of its children that ended and were waited for. */
    long children() {
      return cutime + cstime;
    }
  }

  /**
   * Busy ticks of the whole machine from the {@code cpu} line of {@code /proc/stat}: user, nice,
   * system, irq, softirq and steal (not idle or iowait). Steal is time the host ran other machines
   * while this one had work: the row lost it as surely as to another process here, and it slows
   * every process of the row alike, so it counts as other work (a row it disturbed runs again).
   */
  static long busyTicks(String procStat) {
    for (String line : procStat.split("\\R")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[1])
            + Long.parseLong(f[2])
            + Long.parseLong(f[3])
            + Long.parseLong(f[6])
            + Long.parseLong(f[7])
            + Long.parseLong(f[8]);
      }
    }
    throw new IllegalArgumentException("no cpu line in /proc/stat");
  }

  /** Ticks used during a row, as differences of two samples. */
  record Used(long busy, long app, long postgres, long nginx, long wrk) {}

  /** The split in whole percent of the machine (100% = every core busy for the whole row). */
  record Share(int app, int postgres, int nginx, int wrk, int other) {

    static Share of(Used used, double seconds, int ticksPerSecond, int cores) {
      double all = seconds * ticksPerSecond * cores;
      long other = used.busy() - used.app() - used.postgres() - used.nginx() - used.wrk();
      if (other < 0) {
        other = 0;
      }
      return new Share(
          percent(used.app(), all),
          percent(used.postgres(), all),
          percent(used.nginx(), all),
          percent(used.wrk(), all),
          percent(other, all));
    }

    private static int percent(long ticks, double all) {
      return all <= 0 ? 0 : (int) Fmt.whole(ticks / all * 100);
    }

    /** The table's cell for an app row: server (the app)/db/wrk/other. */
    String appCell() {
      return app + "/" + postgres + "/" + wrk + "/" + other;
    }

    /** The table's cell for a ceiling row: nginx, no database, wrk, other. */
    String nginxCell() {
      return nginx + "/–/" + wrk + "/" + other;
    }
  }
}
