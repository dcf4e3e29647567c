package dev.failmode.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column it was written at: what the binder validates, so every
 * problem it finds can be located. Built by {@link TreeReader}.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

  int line();

  int column();

  /** What a node is, in the words of an error message: "a mapping", "a number". */
  String describe();

  /** A scalar as YAML resolved it: a quoted {@code "1.8"} is a string, a plain {@code 1.8} a number. */
  record Scalar(int line, int column, Kind kind, String text) implements Node {
    enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL, ALIAS }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> text.isEmpty() ? "an empty value" : "text"; // a key with nothing after it reads as ""
        case INTEGER, FLOAT -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing (null)";
        case ALIAS -> "an alias";
      };
    }
  }

  /** A mapping whose keys keep their own locations, in the order written. */
  record Mapping(int line, int column, Map<String, Entry> entries) implements Node {
    Mapping(int line, int column) {
      this(line, column, new LinkedHashMap<>());
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One key of a mapping and its value. */
  record Entry(String key, int line, int column, Node value) {}

  record Sequence(int line, int column, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }
}
