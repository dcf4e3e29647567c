package dev.failmode.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.failmode.load.Node.Entry;
import dev.failmode.load.Node.Mapping;
import dev.failmode.load.Node.Scalar;
import dev.failmode.load.Node.Sequence;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML document into located {@link Node}s with Jackson's streaming YAML parser.
 *
 * <p>Failure-mode files are reviewed documents, so they use plain YAML: one document per file,
 * no anchors, aliases, merge keys or custom tags (each value is written where it applies, and an
 * alias bomb has nothing to expand). Nesting depth, document size and value length are bounded
 * by {@link Limits}; the parser stops at the depth limit, so the reader never recurses deeper.
 * Every problem carries its line, column and YAML path.
 */
final class TreeReader {
  private static final String STRING_TAG = "tag:yaml.org,2002:str";
  private static final Map<Limits, YAMLFactory> FACTORIES = new ConcurrentHashMap<>();

  private final String file;
  private final Limits limits;
  /** What messages call the document: a failure-mode file, a project file, a lock file. */
  private final String kind;
  private final Problems problems = new Problems();
  private final Deque<String> path = new ArrayDeque<>();
  private YAMLParser parser;
  // Only the first anchor and the first alias are reported, with a count: an alias bomb is one problem, not thousands.
  private int anchors;
  private int aliases;
  private Problem firstAnchor;
  private Problem firstAlias;

  /** The document's root, or null when it could not be read; and every problem found. */
  record Read(Node root, Problems problems) {}

  private TreeReader(String file, Limits limits, String kind) {
    this.file = file;
    this.limits = limits;
    this.kind = kind;
  }

  /** @param shape what the document should be, which messages name it by */
  static Read read(String text, String file, Limits limits, Shape shape) {
    return new TreeReader(file, limits, shape.name()).read(text);
  }

  /** Whether this reads a failure-mode file, whose messages may say how its content is split. */
  private boolean failureModes() {
    return kind.equals(FormatV1.FILE.name());
  }

  private static YAMLFactory factory(Limits limits) {
    // the default limits by identity: a record's first hashCode costs a cold start milliseconds of bootstrapping
    return limits == Limits.DEFAULT ? DefaultFactory.INSTANCE : FACTORIES.computeIfAbsent(limits, TreeReader::newFactory);
  }

  private static final class DefaultFactory {
    static final YAMLFactory INSTANCE = newFactory(Limits.DEFAULT);
  }

  private static YAMLFactory newFactory(Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setNestingDepthLimit(limits.maxDepth());
    options.setAllowDuplicateKeys(true); // reported by this reader, naming both places
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(Math.max(limits.maxScalarLength(), 1) * 2)
            .maxDocumentLength(limits.maxFileBytes())
            .build())
        .build();
  }

  private Read read(String text) {
    if (text.isBlank()) {
      problems.add(problem(1, 1, "the file is empty: a " + kind + " starts with 'apiVersion: failmode/v1'"));
      return new Read(null, problems);
    }
    if (tooLongLine(text)) {
      return new Read(null, problems);
    }
    Node root = null;
    try (YAMLParser p = (YAMLParser) factory(limits).createParser(text)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(problem(1, 1, (text.isBlank() ? "the file is empty: a " : "the file holds only comments: a ") + kind
            + " starts with 'apiVersion: failmode/v1'"));
        return new Read(null, problems);
      }
      root = value(first);
      JsonToken next = p.nextToken();
      while ((next == JsonToken.VALUE_NULL || next == JsonToken.VALUE_STRING) && p.getText().isEmpty()) {
        next = p.nextToken(); // an empty document, such as a file ending with '---', holds nothing to lose
      }
      if (next != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.add(problem(at.getLineNr(), at.getColumnNr(),
            "a second YAML document starts here; a " + kind + " holds one document" + (failureModes() ? ": put each system in a file of its own" : "")));
      }
    } catch (StreamConstraintsException e) {
      JsonLocation at = parser == null ? null : parser.currentLocation();
      String message = e.getOriginalMessage().contains("nesting depth")
          ? "the YAML is nested more than " + limits.maxDepth() + " levels deep" + (failureModes() ? "; a failure-mode file needs 6" : "")
          : "the file is too large to read: " + e.getOriginalMessage();
      problems.add(problem(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), message));
      root = null;
    } catch (com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
      problems.add(syntax(e));
      root = null;
    } catch (JsonProcessingException e) {
      problems.add(unreadable(e, text));
      root = null;
    } catch (IOException e) {
      problems.add(problem(1, 1, "could not read the file: " + e.getMessage()));
      root = null;
    }
    count(firstAnchor, anchors, "anchors");
    count(firstAlias, aliases, "aliases");
    return new Read(root, problems);
  }

  /**
   * A line longer than any value may be is refused before parsing: the parser would spend
   * minutes on a single giant scalar only for the value to be refused afterwards.
   */
  private boolean tooLongLine(String text) {
    int limit = limits.maxScalarLength() + 1_024;
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > limit) {
          problems.add(problem(line, 1, "line " + line + " is " + (i - start) + " characters long; a value may be at most "
              + limits.maxScalarLength()));
          return true;
        }
        line++;
        start = i + 1;
      }
    }
    return false;
  }

  private void count(Problem first, int count, String what) {
    if (first != null) {
      problems.add(count == 1 ? first
          : new Problem(first.location(), first.path(), first.message() + " (this file has " + count + " " + what + ")"));
    }
  }

  private Node value(JsonToken token) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    checkAnchor(line, column);
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      checkTag(line, column);
    }
    return switch (token) {
      case START_OBJECT -> mapping(line, column);
      case START_ARRAY -> sequence(line, column);
      default -> scalar(token, line, column);
    };
  }

  private Mapping mapping(int line, int column) throws IOException {
    Mapping mapping = new Mapping(line, column);
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
      if (token == null) {
        throw new IOException("unexpected end of the document inside a mapping");
      }
      JsonLocation at = parser.currentTokenLocation();
      String key = parser.currentName();
      path.addLast(key);
      try {
        Node value = value(parser.nextToken());
        if (key.equals("<<")) {
          problems.add(problem(at.getLineNr(), at.getColumnNr(),
              "merge keys (<<) are not supported in " + kind + "s: write each key where it applies"));
          continue;
        }
        Entry first = mapping.entries().get(key);
        if (first != null) {
          problems.add(problem(at.getLineNr(), at.getColumnNr(), "duplicate key '" + key + "': it is also written at line "
              + first.line() + ":" + first.column() + "; keep one"));
          continue;
        }
        mapping.entries().put(key, new Entry(key, at.getLineNr(), at.getColumnNr(), value));
      } finally {
        path.removeLast();
      }
    }
    return mapping;
  }

  private Sequence sequence(int line, int column) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IOException("unexpected end of the document inside a list");
      }
      path.addLast("[" + items.size() + "]");
      try {
        items.add(value(token));
      } finally {
        path.removeLast();
      }
    }
    return new Sequence(line, column, items);
  }

  private Scalar scalar(JsonToken token, int line, int column) throws IOException {
    String text = parser.getText();
    if (parser.isCurrentAlias()) {
      if (aliases++ == 0) {
        firstAlias = problem(line, column, "aliases (*" + text + ") are not supported in " + kind + "s: write the value where it applies");
      }
      return new Scalar(line, column, Scalar.Kind.ALIAS, text);
    }
    Scalar.Kind kind = switch (token) {
      case VALUE_STRING -> Scalar.Kind.STRING;
      case VALUE_NUMBER_INT -> Scalar.Kind.INTEGER;
      case VALUE_NUMBER_FLOAT -> Scalar.Kind.FLOAT;
      case VALUE_TRUE, VALUE_FALSE -> Scalar.Kind.BOOLEAN;
      case VALUE_NULL -> Scalar.Kind.NULL;
      default -> Scalar.Kind.STRING; // an embedded value (!!binary): its tag is reported below
    };
    if (checkTag(line, column)) {
      kind = Scalar.Kind.STRING;
    }
    if (text.length() > limits.maxScalarLength()) {
      problems.add(problem(line, column, "a value of " + text.length() + " characters is longer than the limit of "
          + limits.maxScalarLength()));
      text = text.substring(0, limits.maxScalarLength());
    }
    return new Scalar(line, column, kind, text);
  }

  /** Reports a tag other than {@code !!str}; returns whether there was a tag at all. */
  private boolean checkTag(int line, int column) throws IOException {
    String tag = parser.getTypeId();
    if (tag == null) {
      return false;
    }
    if (!tag.equals(STRING_TAG)) {
      problems.add(problem(line, column, "tags (" + (tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : "!" + tag)
          + ") are not supported in " + kind + "s"));
    }
    return true;
  }

  private void checkAnchor(int line, int column) {
    String anchor = parser.getCurrentAnchor();
    if (anchor != null && anchors++ == 0) {
      firstAnchor = problem(line, column, "anchors (&" + anchor + ") are not supported in " + kind + "s: write each value where it applies");
    }
  }

  private Problem syntax(com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
    if (e.getCause() instanceof MarkedYAMLException cause && cause.getProblemMark() != null) {
      Mark mark = cause.getProblemMark();
      StringBuilder message = new StringBuilder("YAML syntax error: ").append(Syntax.explain(cause.getProblem()));
      if (cause.getContext() != null && cause.getContextMark() != null) {
        message.append(" (").append(Syntax.plain(cause.getContext())).append(" started at line ")
            .append(cause.getContextMark().getLine() + 1).append(":").append(cause.getContextMark().getColumn() + 1).append(")");
      }
      return problem(mark.getLine() + 1, mark.getColumn() + 1, message.toString());
    }
    JsonLocation at = e.getLocation();
    return problem(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), "YAML syntax error: "
        + Syntax.plain(e.getOriginalMessage()));
  }

  /** A parse failure that is not a marked YAML error: a character YAML forbids, a key that is not a name. */
  private Problem unreadable(JsonProcessingException e, String text) {
    Throwable cause = e.getCause();
    if (cause instanceof ReaderException reader) {
      int[] at = position(text, reader.getPosition());
      return problem(at[0], at[1], String.format(java.util.Locale.ROOT,
          "a character YAML does not allow (U+%04X, a control character); remove it or write it as an escape in a quoted string",
          reader.getCodePoint()));
    }
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Expected a field name")) {
      message = "a key must be a plain name, not a list or a mapping (complex keys, written '? ', are not supported)";
    } else {
      message = "YAML syntax error: " + Syntax.plain(message);
    }
    return problem(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), message);
  }

  /** The 1-based line and column of a character offset. */
  private static int[] position(String text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private Problem problem(int line, int column, String message) {
    return new Problem(new Location(file, line, column), currentPath(), message);
  }

  private String currentPath() {
    StringBuilder text = new StringBuilder();
    for (String segment : path) {
      if (!segment.startsWith("[") && !text.isEmpty()) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }
}
