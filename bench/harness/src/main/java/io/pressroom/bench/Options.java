package io.pressroom.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program's command line: a step name, then {@code --name value} (or {@code --name=value})
 * pairs. bench/run passes everything it knows this way (ports, process ids, durations, the data
 * set's figures); nothing is read from the environment.
 */
final class Options {
  final String step;
  private final Map<String, String> values;

  private Options(String step, Map<String, String> values) {
    this.step = step;
    this.values = values;
  }

  static Options parse(List<String> args) {
    if (args.isEmpty()) {
      throw new BenchException("which step? deployed, nocache or report (see bench/README.md)");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new BenchException("unexpected argument " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.size()) {
        values.put(arg.substring(2), args.get(++i));
      } else {
        throw new BenchException(arg + " needs a value");
      }
    }
    return new Options(args.get(0), values);
  }

  String text(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new BenchException("--" + name + " is missing");
    }
    return value;
  }

  String text(String name, String orElse) {
    return values.getOrDefault(name, orElse);
  }

  long number(String name) {
    String value = text(name);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BenchException("--" + name + " must be a whole number, not '" + value + "'");
    }
  }

  long number(String name, long orElse) {
    return values.containsKey(name) ? number(name) : orElse;
  }

  int integer(String name) {
    return Math.toIntExact(number(name));
  }

  int integer(String name, int orElse) {
    return Math.toIntExact(number(name, orElse));
  }
}
