package dev.failmode.load;

import java.util.List;
import java.util.regex.Pattern;

/**
 * SnakeYAML's syntax errors in the words of someone editing a file: what is probably wrong and
 * how to fix it, with the parser's own words kept where no better ones are known.
 */
final class Syntax {
  private record Translation(Pattern problem, String explanation) {}

  private static final List<Translation> KNOWN = List.of(
      new Translation(Pattern.compile("found character 'a tab' that cannot start any token.*"),
          "a tab where YAML expects spaces: indent with spaces, never tabs"),
      new Translation(Pattern.compile("found character '(.)' that cannot start any token.*"),
          "a value cannot start with '$1': quote the value"),
      new Translation(Pattern.compile("mapping values are not allowed here"),
          "a ':' where a value was expected: quote a value that contains ': ', or check the indentation of this line"),
      new Translation(Pattern.compile("expected <block end>, but found '<block mapping start>'"),
          "this line's indentation does not line up with the lines above it"),
      new Translation(Pattern.compile("expected <block end>, but found '<block sequence start>'"),
          "this list item's indentation does not line up with the items above it"),
      new Translation(Pattern.compile("expected <block end>, but found '<scalar>'"),
          "a value where a new key or list item was expected: check the indentation, or quote a value that spans lines"),
      new Translation(Pattern.compile("could not find expected ':'"),
          "a key without a ':' after it (or a value that spans lines without quotes)"),
      new Translation(Pattern.compile("found unexpected end of stream"),
          "the file ends inside a quoted value: close the quote"),
      new Translation(Pattern.compile("expected ',' or ']', but got .*"),
          "a list written with [ ] is not closed, or its items are not separated by commas"),
      new Translation(Pattern.compile("expected ',' or '}', but got .*"),
          "a mapping written with { } is not closed, or its entries are not separated by commas"),
      new Translation(Pattern.compile("found undefined alias .*"),
          "an alias (*name) with no anchor; failure-mode files do not use anchors or aliases"),
      new Translation(Pattern.compile("found unknown escape character .*"),
          "an unknown escape (\\\\x) in a double-quoted value: write a backslash as \\\\\\\\, or use single quotes"));

  private Syntax() {}

  /** The problem explained, or the parser's words where no explanation is known. */
  static String explain(String problem) {
    String text = plain(problem);
    for (Translation known : KNOWN) {
      var matcher = known.problem().matcher(text);
      if (matcher.matches()) {
        return matcher.replaceAll(known.explanation());
      }
    }
    return text;
  }

  /** The first line of a parser message, trimmed. */
  static String plain(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip().replace("\\t(TAB)", "a tab");
  }
}
