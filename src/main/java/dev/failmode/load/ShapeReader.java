package dev.failmode.load;

import dev.failmode.load.Node.Entry;
import dev.failmode.load.Node.Mapping;
import dev.failmode.load.Node.Scalar;
import dev.failmode.load.Node.Sequence;
import dev.failmode.load.Shape.Field;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates located YAML nodes against a {@link Shape}, collecting every problem with its
 * location and YAML path rather than stopping at the first: unknown keys (with "did you mean"),
 * missing required keys, wrong types, bad enum values, durations, frequencies and dates.
 */
final class ShapeReader {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final String file;
  private final Problems problems;

  ShapeReader(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  Values read(Mapping mapping, Shape shape, String path) {
    Values values = new Values(file, mapping, path);
    Set<String> misspelt = new HashSet<>();
    for (Entry entry : mapping.entries().values()) {
      String keyPath = join(path, entry.key());
      Field field = shape.field(entry.key()).orElse(null);
      if (field == null) {
        Optional<String> meant = Suggest.closest(entry.key(), shape.keys());
        problem(entry.line(), entry.column(), keyPath, unknownKey(entry.key(), meant, shape));
        meant.ifPresent(misspelt::add);
        continue;
      }
      Object value = convert(entry.value(), field, keyPath);
      if (value != null) {
        values.values.put(field.name(), value);
      }
    }
    for (Field field : shape.fields()) {
      // a required key written with a typo is reported once, as the typo
      if (field.required() && !mapping.entries().containsKey(field.name()) && !misspelt.contains(field.name())) {
        problem(mapping.line(), mapping.column(), path, "missing required key '" + field.name() + "' in this " + shape.name()
            + hint(field));
      }
    }
    return values;
  }

  private Object convert(Node node, Field field, String path) {
    if (node instanceof Scalar alias && alias.kind() == Scalar.Kind.ALIAS) {
      return null; // already reported by the reader
    }
    if (node instanceof Scalar empty && empty.kind() == Scalar.Kind.NULL) {
      problem(node, path, "'" + field.name() + "' has no value: give it one" + (field.required() ? hint(field) : " or remove the key"));
      return null;
    }
    try {
      return switch (field.type()) {
        case TEXT -> text(node, field, path);
        case NAME -> pattern(node, field, path, NAME, "a name of ASCII letters, digits, '.', '_' and '-' (no spaces or '/')");
        case KEBAB_ID -> pattern(node, field, path, KEBAB_ID, "a kebab-case id: lower-case words joined by '-'");
        case BOOLEAN -> bool(node, field, path);
        case DURATION -> notation(node, field, path, Notation::duration);
        case FREQUENCY -> notation(node, field, path, Notation::frequency);
        case WINDOW -> notation(node, field, path, Notation::window);
        case DATE -> notation(node, field, path, Notation::date);
        case TARGET -> target(node, field, path);
        case ENUM -> enumeration(node, field, path);
        case CONSTANT -> constant(node, field, path);
        case OBJECT -> object(node, field, path);
        case LIST -> list(node, field, path);
        case SCALAR -> scalarText(node, path);
        case TEXT_LIST -> textList(node, field, path);
        case SCALAR_MAP -> scalarMap(node, path);
      };
    } catch (NotationException e) {
      problem(node, path, e.getMessage());
      return null;
    }
  }

  /**
   * Whether text shows nothing: only white space as JSON Schema's {@code \\s} counts it (Unicode's
   * space separators such as the no-break space, and the byte order mark, besides Java's) or the
   * information separators U+001C..U+001F, which Java counts as white space. The schema's pattern
   * for text says the same ({@link JsonSchema#VISIBLE}).
   */
  static boolean blank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private String text(Node node, Field field, String path) {
    if (!(node instanceof Scalar scalar) || scalar.kind() != Scalar.Kind.STRING) {
      problem(node, path, "expected text, found " + node.describe() + quoteHint(node));
      return null;
    }
    if (blank(scalar.text())) {
      problem(node, path, "'" + field.name() + "' is empty: give it text" + (field.required() ? "" : " or remove the key"));
      return null;
    }
    return scalar.text();
  }

  private String scalarText(Node node, String path) {
    if (node instanceof Scalar scalar) {
      return scalar.text();
    }
    problem(node, path, "expected a single value, found " + node.describe());
    return null;
  }

  private java.util.Map<String, String> scalarMap(Node node, String path) {
    if (!(node instanceof Mapping mapping)) {
      problem(node, path, "expected a mapping of names to values, found " + node.describe());
      return null;
    }
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    for (Entry entry : mapping.entries().values()) {
      String text = scalarText(entry.value(), join(path, entry.key()));
      if (text != null) {
        values.put(entry.key(), text);
      }
    }
    return values;
  }

  private List<String> textList(Node node, Field field, String path) {
    if (!(node instanceof Sequence sequence)) {
      problem(node, path, "expected a list of texts (items starting with '- '), found " + node.describe());
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      String text = text(sequence.items().get(i), field, path + "[" + i + "]");
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  private String pattern(Node node, Field field, String path, Pattern pattern, String expected) {
    String text = text(node, field, path);
    if (text == null) {
      return null;
    }
    if (!pattern.matcher(text).matches()) {
      // accents dropped (é as e) rather than the letter; a suggestion that lost most of the text is no help
      String suggestion = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
          .toLowerCase(Locale.ROOT).trim().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      boolean suggest = !suggestion.isEmpty() && pattern.matcher(suggestion).matches() && !suggestion.equals(text)
          && suggestion.replace("-", "").length() * 2 >= text.codePointCount(0, text.length());
      problem(node, path, "'" + text + "' is not " + expected + (suggest ? "; did you mean '" + suggestion + "'?" : ""));
      return null;
    }
    return text;
  }

  private Boolean bool(Node node, Field field, String path) {
    if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.BOOLEAN) {
      return Boolean.valueOf(scalar.text().toLowerCase(Locale.ROOT).matches("true|yes|on|y"));
    }
    String hint = "";
    if (node instanceof Scalar s && s.kind() == Scalar.Kind.STRING) {
      // a quoted "true" is text; y and n are text however written (YAML 1.1 as SnakeYAML reads it)
      hint = " '" + s.text() + "'" + (s.text().matches("(?i)true|false|yes|no|on|off") ? " (write it without quotes)" : " (write true or false)");
    }
    problem(node, path, "expected true or false, found " + node.describe() + hint);
    return null;
  }

  private Object notation(Node node, Field field, String path, Function<String, Object> parse) {
    if (!(node instanceof Scalar scalar) || scalar.kind() == Scalar.Kind.BOOLEAN) {
      problem(node, path, "expected " + describe(field) + ", found " + node.describe());
      return null;
    }
    return parse.apply(scalar.text());
  }

  private BigDecimal target(Node node, Field field, String path) {
    if (!(node instanceof Scalar scalar) || scalar.kind() == Scalar.Kind.BOOLEAN) {
      problem(node, path, "expected an SLO target in percent, like 99.99, found " + node.describe());
      return null;
    }
    return Notation.target(scalar.text());
  }

  private String enumeration(Node node, Field field, String path) {
    if (!(node instanceof Scalar scalar) || scalar.kind() == Scalar.Kind.NULL) {
      problem(node, path, "expected one of " + String.join(", ", field.values()) + "; found " + node.describe());
      return null;
    }
    if (!field.values().contains(scalar.text())) {
      problem(node, path, "unknown " + field.name() + " '" + scalar.text() + "'" + Suggest.didYouMean(scalar.text(), field.values())
          + " (expected one of: " + String.join(", ", field.values()) + ")");
      return null;
    }
    return scalar.text();
  }

  private String constant(Node node, Field field, String path) {
    if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.STRING && field.values().contains(scalar.text())) {
      return scalar.text();
    }
    String found = node instanceof Scalar scalar ? "'" + scalar.text() + "'" : node.describe();
    String suggestion = node instanceof Scalar scalar ? Suggest.didYouMean(scalar.text(), field.values()) : "";
    problem(node, path, field.name() + " must be " + String.join(" or ", field.values()) + ", found " + found + suggestion);
    return null;
  }

  private Values object(Node node, Field field, String path) {
    if (!(node instanceof Mapping mapping)) {
      problem(node, path, "expected a mapping (" + field.shape().keys().stream().limit(4).reduce((a, b) -> a + ", " + b).orElse("")
          + ", ...), found " + node.describe());
      return null;
    }
    return read(mapping, field.shape(), path);
  }

  private List<Values> list(Node node, Field field, String path) {
    if (!(node instanceof Sequence sequence)) {
      problem(node, path, "expected a list of " + field.shape().name() + "s (items starting with '- '), found " + node.describe());
      return null;
    }
    if (sequence.items().isEmpty()) {
      problem(node, path, "'" + field.name() + "' is empty: " + (field.required() ? "list at least one " + field.shape().name()
          : "list at least one " + field.shape().name() + ", or remove the key"));
      return null;
    }
    List<Values> items = new ArrayList<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      Node item = sequence.items().get(i);
      String itemPath = path + "[" + i + "]";
      if (item instanceof Mapping mapping) {
        items.add(read(mapping, field.shape(), itemPath));
      } else if (!(item instanceof Scalar alias && alias.kind() == Scalar.Kind.ALIAS)) { // aliases are reported by the reader
        problem(item, itemPath, "expected a " + field.shape().name() + " (a mapping with " + String.join(", ",
            field.shape().fields().stream().filter(Field::required).map(Field::name).toList()) + "), found " + item.describe());
      }
    }
    return items;
  }

  private static String unknownKey(String key, Optional<String> meant, Shape shape) {
    return "unknown key '" + key + "' in this " + shape.name()
        + meant.map(name -> "; did you mean '" + name + "'?").orElse(" (known keys: " + String.join(", ", shape.keys()) + ")");
  }

  private static String hint(Field field) {
    return switch (field.type()) {
      case ENUM, CONSTANT -> " (one of: " + String.join(", ", field.values()) + ")";
      case DURATION -> " (like 30s, 5m, 2h, 1d)";
      case FREQUENCY -> " (like 4/year)";
      case OBJECT, LIST -> "";
      default -> field.description() == null ? "" : " (" + field.description() + ")";
    };
  }

  private static String describe(Field field) {
    return switch (field.type()) {
      case DURATION -> "a duration like 30s, 5m, 2h or 1d";
      case FREQUENCY -> "a frequency like 4/year";
      case WINDOW -> "a window in days like 30d";
      case DATE -> "an ISO date like 2027-03-31";
      default -> field.type().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String quoteHint(Node node) {
    if (node instanceof Scalar scalar && scalar.kind() != Scalar.Kind.STRING && scalar.kind() != Scalar.Kind.NULL) {
      return " (quote it to keep it as text: \"" + scalar.text() + "\")";
    }
    return "";
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(Node node, String path, String message) {
    problem(node.line(), node.column(), path, message);
  }

  void problem(int line, int column, String path, String message) {
    problems.add(new Problem(new Location(file, line, column), path, message));
  }
}
