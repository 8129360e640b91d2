package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTest {

  // A real /proc/<pid>/stat line of a JVM (fields 14-17: utime 5123, stime 842, cutime 31,
  // cstime 9), and one whose command name holds a space and a parenthesis.
  static final String JAVA_STAT =
      "48211 (java) S 48190 48190 1203 0 -1 4194560 132450 2045 12 0 5123 842 31 9 20 0 61 0"
          + " 1735021 3761709056 118233 18446744073709551615 94251346247680 94251346248408"
          + " 140727426474256 0 0 0 0 0 16800975 0 0 0 17 1 0 0 0 0 0";
  static final String ODD_NAME_STAT =
      "77 (my (odd) name) R 1 77 77 0 -1 4194304 0 0 0 0 250 50 7 3 20 0 1 0 100 0 0";

  @Test
  void readsTheTimesOfAProcess() {
    Cpu.ProcTimes java = Cpu.ProcTimes.parse(JAVA_STAT);
    assertThat(java).isEqualTo(new Cpu.ProcTimes(5123, 842, 31, 9));
    assertThat(java.own()).isEqualTo(5965);
    assertThat(java.children()).isEqualTo(40);

    assertThat(Cpu.ProcTimes.parse(ODD_NAME_STAT)).isEqualTo(new Cpu.ProcTimes(250, 50, 7, 3));
  }

  @Test
  void busyTicksAreUserNiceSystemIrqSoftirqAndSteal() {
    String procStat =
        "cpu  1000 20 300 9000 400 5 6 7 0 0\n"
            + "cpu0 500 10 150 4500 200 2 3 3 0 0\n"
            + "intr 12345\n";
    assertThat(Cpu.busyTicks(procStat)).isEqualTo(1000 + 20 + 300 + 5 + 6 + 7);
  }

  @Test
  void timeTheHostGaveToOtherMachinesIsOtherWork() {
    // 5 s on 2 cores: the app and PostgreSQL used 800 ticks, the host took 150 (steal).
    String before = "cpu  1000 0 0 9000 0 0 0 0 0 0\n";
    String after = "cpu  1800 0 0 9050 0 0 0 150 0 0\n";
    long busy = Cpu.busyTicks(after) - Cpu.busyTicks(before);
    Cpu.Share share = Cpu.Share.of(new Cpu.Used(busy, 550, 250, 0, 0), 5.0, 100, 2);

    assertThat(share.other()).isEqualTo(15);
  }

  @Test
  void sharesTheMachineInWholePercent() {
    // 5 s on 2 cores at 100 ticks/s = 1,000 ticks in all.
    Cpu.Used used = new Cpu.Used(990, 620, 8, 0, 350);
    Cpu.Share share = Cpu.Share.of(used, 5.0, 100, 2);

    assertThat(share).isEqualTo(new Cpu.Share(62, 1, 0, 35, 1));
    assertThat(share.appCell()).isEqualTo("62/1/35/1");
  }

  @Test
  void otherWorkIsNeverNegative() {
    // Samples are not taken at the same instant: the parts can add up to a bit more than busy.
    Cpu.Share share = Cpu.Share.of(new Cpu.Used(900, 0, 0, 560, 430), 5.0, 100, 2);

    assertThat(share.other()).isZero();
    assertThat(share.nginxCell()).isEqualTo("56/–/43/0");
  }

  @Test
  void aZeroLengthRowIsAllZero() {
    assertThat(Cpu.Share.of(new Cpu.Used(10, 1, 1, 1, 1), 0, 100, 2))
        .isEqualTo(new Cpu.Share(0, 0, 0, 0, 0));
  }
}
