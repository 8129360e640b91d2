package io.pressroom.bench;

import java.util.List;

/**
 * The benchmark's measuring program, run by bench/run in three steps:
 *
 * <ul>
 *   <li>{@code deployed}: fixtures, nginx check, warm-up, every row as deployed (response cache
 *       on), the cache-miss check, the write mix, the app's peak RSS;
 *   <li>{@code nocache}: after bench/run restarted the app with its response cache off, every read
 *       row again;
 *   <li>{@code report}: judges the targets and writes {@code bench/work/results.md}.
 * </ul>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try {
      Options o = Options.parse(List.of(args));
      switch (o.step) {
        case "deployed" -> new Harness(o).deployed();
        case "nocache" -> new Harness(o).nocache();
        case "report" -> System.out.print(Harness.report(o));
        default ->
            throw new BenchException("unknown step " + o.step + ": deployed, nocache or report");
      }
    } catch (BenchException e) {
      System.err.println("[bench] error: " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("[bench] error: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }
}
