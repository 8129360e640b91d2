package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitQueueTest {

  /** {@code jcmd PID Compiler.queue} of the app on the benchmark's data, 10 s after a load. */
  static final String BUSY =
      """
      24956:
      Current compiles:\s
      C2 CompilerThread0  24009  s    4       org.apache.lucene.index.FieldInfos$FieldNumbers::addOrGet (306 bytes)

      C1 compile queue:
      Empty

      C2 compile queue:
      11814       4       java.util.TreeMap$KeySet::contains (11 bytes)
      11929       4       org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl::getJdbcSessionContext (10 bytes)
      """;

  /** The same a minute later: nothing left. */
  static final String IDLE =
      """
      24956:
      Current compiles:\s

      C1 compile queue:
      Empty

      C2 compile queue:
      Empty
      """;

  @TempDir Path dir;

  @Test
  void countsTheMethodsBeingCompiledAndWaiting() {
    assertThat(JitQueue.pending(BUSY)).isEqualTo(3);
    assertThat(JitQueue.pending(IDLE)).isZero();
  }

  @Test
  void waitsUntilTheBacklogIsCompiled() throws IOException {
    Path jcmd = fakeJcmd("busy busy idle");
    List<String> log = new ArrayList<>();

    long waited = new JitQueue(jcmd.toString(), 42).awaitDrained(60, "the warm-up", log::add);

    assertThat(waited).isBetween(1L, 10L);
    assertThat(log)
        .singleElement()
        .asString()
        .startsWith("waited ")
        .endsWith("the JIT's backlog to compile");
  }

  @Test
  void givesUpAfterItsTimeAndSaysSo() throws IOException {
    Path jcmd = fakeJcmd("busy busy busy busy busy busy");
    List<String> log = new ArrayList<>();

    new JitQueue(jcmd.toString(), 42).awaitDrained(1, "the warm-up", log::add);

    assertThat(log).singleElement().asString().startsWith("the JIT still had 3 methods to compile");
  }

  @Test
  void saysNothingWhenNothingWasLeft() throws IOException {
    Path jcmd = fakeJcmd("idle");
    List<String> log = new ArrayList<>();

    assertThat(new JitQueue(jcmd.toString(), 42).awaitDrained(60, "the warm-up", log::add))
        .isZero();
    assertThat(log).isEmpty();
  }

  @Test
  void unknownWhenJcmdCannotTell() {
    JitQueue missing = new JitQueue(dir.resolve("no-jcmd").toString(), 42);

    assertThat(missing.pending()).isEqualTo(OptionalInt.empty());
    assertThat(missing.awaitDrained(60, "the warm-up", line -> {})).isEqualTo(-1);
    assertThat(new JitQueue("jcmd", 0).pending()).isEqualTo(OptionalInt.empty());
  }

  /** A jcmd that answers the given states in turn (the last one from then on). */
  private Path fakeJcmd(String states) throws IOException {
    Files.writeString(dir.resolve("busy.txt"), BUSY);
    Files.writeString(dir.resolve("idle.txt"), IDLE);
    Path script = dir.resolve("jcmd");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "[ \"$1\" = 42 ] && [ \"$2\" = Compiler.queue ] || exit 1\n"
            + "n=$(cat '"
            + dir
            + "/calls' 2>/dev/null || echo 0); echo $((n + 1)) > '"
            + dir
            + "/calls'\n"
            + "set -- "
            + states
            + "\n"
            + "i=0; state=$1; for s in \"$@\"; do [ $i -le $n ] && state=$s; i=$((i + 1)); done\n"
            + "cat '"
            + dir
            + "/'$state.txt\n");
    script.toFile().setExecutable(true);
    return script;
  }
}
