package io.pressroom.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker image's JVM memory flags (docker/java-memory-flags.sh, run by its entry point): a heap
 * sized for the container's memory limit with room beside it, the young generation a third of a
 * serial collector's heap, and the JVM itself taking them as meant.
 */
class ContainerMemoryFlagsTest {

  private static final Path SCRIPT = Path.of("docker/java-memory-flags.sh");
  private static final long MB = 1024 * 1024;

  @TempDir Path cgroup;

  @Test
  void theHeapIsThreeQuartersOfTheLimitLess128MbWithASerialCollectorUpToAGigabyte()
      throws Exception {
    assertEquals(
        "-XX:+UseSerialGC -Xmx256m -Xmn85m -Xms101m -XX:MaxMetaspaceSize=192m",
        flags(Map.of(), String.valueOf(512 * MB)).output());
    assertEquals(
        "-XX:+UseSerialGC -Xmx448m -Xmn149m -Xms177m -XX:MaxMetaspaceSize=192m",
        flags(Map.of(), String.valueOf(768 * MB)).output());
    assertEquals(
        "-Xmx1408m -Xms352m -XX:MaxMetaspaceSize=192m",
        flags(Map.of(), String.valueOf(2048 * MB)).output());
  }

  @Test
  void theLimitIsReadFromCgroupV2OrV1AndNoLimitCountsAs768Mb() throws Exception {
    String for768 = flags(Map.of(), String.valueOf(768 * MB)).output();
    String for512 = flags(Map.of(), String.valueOf(512 * MB)).output();

    Files.writeString(cgroup.resolve("memory.max"), "536870912\n");
    assertEquals(for512, flags(Map.of("CGROUP_ROOT", cgroup.toString())).output());

    Files.writeString(cgroup.resolve("memory.max"), "max\n");
    assertEquals(for768, flags(Map.of("CGROUP_ROOT", cgroup.toString())).output());

    Path v1 = Files.createTempDirectory(cgroup, "v1");
    Files.createDirectories(v1.resolve("memory"));
    Files.writeString(v1.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
    assertEquals(for768, flags(Map.of("CGROUP_ROOT", v1.toString())).output());
    Files.writeString(v1.resolve("memory/memory.limit_in_bytes"), "536870912\n");
    assertEquals(for512, flags(Map.of("CGROUP_ROOT", v1.toString())).output());

    Path none = Files.createTempDirectory(cgroup, "none");
    assertEquals(for768, flags(Map.of("CGROUP_ROOT", none.toString())).output());
  }

  @Test
  void optionsThatSetTheHeapThemselvesReplaceTheSizing() throws Exception {
    for (String own : List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=50")) {
      Result result = flags(Map.of("JAVA_OPTS_APPEND", own), String.valueOf(768 * MB));
      assertEquals(0, result.exitCode());
      assertEquals("", result.output(), own);
    }
  }

  @Test
  void aLimitTooSmallIsWarnedOfAndNonsenseIsRefused() throws Exception {
    Result small = flags(Map.of(), String.valueOf(384 * MB));
    assertEquals(0, small.exitCode());
    assertTrue(small.errors().contains("below the 512 MB"), small.errors());

    Result nonsense = flags(Map.of(), "768M");
    assertEquals(2, nonsense.exitCode());
    assertTrue(nonsense.errors().contains("must be a number of bytes"), nonsense.errors());
  }

  @Test
  void theJvmTakesTheFlagsAsMeant() throws Exception {
    Map<String, String> serial = jvmFlags(flags(Map.of(), String.valueOf(768 * MB)).output());
    assertEquals("true", serial.get("UseSerialGC"));
    assertEquals(String.valueOf(448 * MB), serial.get("MaxHeapSize"));
    assertEquals(String.valueOf(149 * MB), serial.get("NewSize"));
    assertEquals(String.valueOf(149 * MB), serial.get("MaxNewSize"));
    // The initial heap holds the whole young generation from the start, and is rounded up to the
    // JVM's alignment (a few MB at most).
    long initial = Long.parseLong(serial.get("InitialHeapSize"));
    assertTrue(initial >= 177 * MB && initial <= 181 * MB, String.valueOf(initial));

    Map<String, String> large = jvmFlags(flags(Map.of(), String.valueOf(2048 * MB)).output());
    assertEquals(String.valueOf(1408 * MB), large.get("MaxHeapSize"));
    long largeInitial = Long.parseLong(large.get("InitialHeapSize"));
    assertTrue(largeInitial >= 352 * MB && largeInitial <= 356 * MB, String.valueOf(largeInitial));
  }

  private record Result(int exitCode, String output, String errors) {}

  private static Result flags(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_OPTS_APPEND");
    builder.environment().remove("CGROUP_ROOT");
    builder.environment().putAll(environment);
    if (!environment.containsKey("CGROUP_ROOT")) {
      builder.environment().put("CGROUP_ROOT", "/nonexistent");
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output.strip(), errors);
  }

  /** The final values of the JVM's flags when started with {@code flags}. */
  private static Map<String, String> jvmFlags(String flags)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(flags.split(" ")));
    command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    Matcher flag =
        Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+= (\\S+)", Pattern.MULTILINE).matcher(output);
    Map<String, String> values = new HashMap<>();
    while (flag.find()) {
      values.put(flag.group(1), flag.group(2));
    }
    return values;
  }
}
