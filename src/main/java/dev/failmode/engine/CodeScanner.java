package dev.failmode.engine;

import java.io.IOException;
import java.io.StreamTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a fragment of code from a rule (a constraint, an eval, a from or accumulate expression,
 * a consequence) against {@link Allowed}, on its tokens: the JDK's {@link StreamTokenizer} splits
 * it into words, strings and symbols the way Java does, after unicode escapes are decoded as
 * Java decodes them, so that neither strings, comments nor {@code \u0053ystem} hide a name.
 */
final class CodeScanner {
  private final TypeNames types;

  /** A token of code: a word, a string or character literal, or one symbol. */
  record Token(Kind kind, String text, int line) {
    enum Kind { WORD, LITERAL, SYMBOL }

    boolean is(String symbol) {
      return kind != Kind.LITERAL && text.equals(symbol);
    }
  }

  /** One thing in the code that is not allowed, at a line counted from the fragment's first. */
  record Finding(int line, String message) {}

  CodeScanner(TypeNames types) {
    this.types = types;
  }

  List<Finding> scan(String code) {
    List<Finding> findings = new ArrayList<>(rawFindings(code));
    List<Token> tokens = tokens(decodeUnicodeEscapes(code));
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() != Token.Kind.WORD) {
        continue;
      }
      String word = token.text();
      boolean afterDot = i > 0 && (tokens.get(i - 1).is(".") || i > 1 && tokens.get(i - 1).is(":") && tokens.get(i - 2).is(":"));
      boolean called = i + 1 < tokens.size() && (tokens.get(i + 1).is("(") || tokens.get(i + 1).is("{"));
      if (Allowed.DENIED_VARIABLES.contains(word)) {
        findings.add(new Finding(token.line(), "'" + word + "' is not allowed in rules of a pack that is not trusted: it reaches the"
            + " rule session"));
        continue;
      }
      if (Allowed.DENIED_KEYWORDS.contains(word)) {
        findings.add(new Finding(token.line(), "'" + word + "' is not allowed in rules of a pack that is not trusted"
            + (word.equals("class") ? " (no class literals or local classes)" : word.matches("while|do") ? " (a loop can hang CI)" : "")));
        continue;
      }
      if (word.equals("for")) {
        countingLoop(tokens, i).ifPresent(findings::add);
        continue;
      }
      if (Allowed.DENIED_NAMES.containsKey(word) && (afterDot || called)) {
        findings.add(new Finding(token.line(), "'" + word + "' is not allowed in rules of a pack that is not trusted: it reaches "
            + Allowed.DENIED_NAMES.get(word)));
        continue;
      }
      if (Allowed.SESSION_VERBS.contains(word) && called && !afterDot) {
        findings.add(new Finding(token.line(), "'" + word + "' is not allowed in rules of a pack that is not trusted: facts are"
            + " read-only, rules vote and do not change them"));
        continue;
      }
      if (word.equals("new")) {
        newExpression(tokens, i + 1).ifPresent(findings::add);
        continue;
      }
      if (afterDot || Character.isDigit(word.charAt(0))) {
        continue;
      }
      qualifiedName(tokens, i).ifPresent(findings::add);
    }
    return findings;
  }

  /**
   * What must be refused before the code is read at all: unicode escapes, which Drools and the
   * Java compiler do not treat alike, and text blocks, whose quotes the tokenizer does not know.
   */
  private static List<Finding> rawFindings(String code) {
    List<Finding> findings = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '\\' && i + 1 < code.length() && code.charAt(i + 1) == 'u' && precedingBackslashes(code, i) % 2 == 0) {
        findings.add(new Finding(line, "unicode escapes (\\u) are not allowed in the code of a pack that is not trusted: write the"
            + " character itself"));
        break;
      }
    }
    if (code.contains("\"\"\"")) {
      findings.add(new Finding(1, "text blocks (\"\"\") are not allowed in the code of a pack that is not trusted: write a string"));
    }
    return findings;
  }

  /** {@code for (x : items)} is a loop over a collection and ends; {@code for (...; ...; ...)} need not. */
  private static Optional<Finding> countingLoop(List<Token> tokens, int at) {
    if (at + 1 >= tokens.size() || !tokens.get(at + 1).is("(")) {
      return Optional.of(new Finding(tokens.get(at).line(), "'for' is not allowed here"));
    }
    int depth = 0;
    for (int i = at + 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is("(")) {
        depth++;
      } else if (token.is(")")) {
        if (--depth == 0) {
          return Optional.empty();
        }
      } else if (token.is(";") && depth == 1) {
        return Optional.of(new Finding(tokens.get(at).line(), "a counting for loop is not allowed in rules of a pack that is not"
            + " trusted (it can hang CI): loop over a collection with for (x : items)"));
      }
    }
    return Optional.empty();
  }

  /** {@code new X(...)}: X must be a value or collection type; {@code new T[n]} an array of primitives or allowed classes. */
  private Optional<Finding> newExpression(List<Token> tokens, int start) {
    StringBuilder name = new StringBuilder();
    int i = start;
    while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.WORD) {
      name.append(tokens.get(i).text());
      if (i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
        name.append('.');
        i += 2;
      } else {
        break;
      }
    }
    int line = start < tokens.size() ? tokens.get(start).line() : tokens.get(start - 1).line();
    if (name.isEmpty()) {
      return Optional.of(new Finding(line, "'new' without a type is not allowed"));
    }
    boolean array = i + 1 < tokens.size() && tokens.get(i + 1).is("[");
    if (array && Allowed.PRIMITIVES.contains(name.toString())) {
      return Optional.empty();
    }
    Optional<String> type = types.resolve(name.toString());
    boolean allowed = type.isPresent() && (array ? types.allowedClass(type.get()) : Allowed.NEW.contains(type.get()));
    if (!allowed) {
      return Optional.of(new Finding(line, "new " + name + " is not allowed in rules of a pack that is not trusted (only values"
          + " and collections: String, StringBuilder, BigDecimal, ArrayList, HashMap..., and arrays)"));
    }
    return Optional.empty();
  }

  /**
   * A name that starts an expression: a type (for a static call, a constant or a cast) must be
   * allowed, and so must a fully qualified class name ({@code java.io.File}).
   */
  private Optional<Finding> qualifiedName(List<Token> tokens, int start) {
    Token first = tokens.get(start);
    String word = first.text();
    if (Allowed.PACKAGE_ROOTS.contains(word) && start + 1 < tokens.size() && tokens.get(start + 1).is(".")) {
      StringBuilder name = new StringBuilder(word);
      int i = start + 1;
      while (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).kind() == Token.Kind.WORD) {
        String segment = tokens.get(i + 1).text();
        name.append('.').append(segment);
        i += 2;
        if (Character.isUpperCase(segment.charAt(0))) {
          if (!types.allowedClass(name.toString())) {
            return Optional.of(new Finding(first.line(), name + " is not allowed in rules of a pack that is not trusted"));
          }
          return Optional.empty();
        }
      }
      return Optional.of(new Finding(first.line(), "the qualified name " + name + " is not allowed in rules of a pack that is not"
          + " trusted: import an allowed class instead"));
    }
    if (Character.isUpperCase(word.charAt(0))) {
      Optional<String> type = types.resolveClass(word);
      if (type.isEmpty()) {
        // the compiler may still find it (through the rule's package, or a name Drools adds): the check does not guess
        return Optional.of(new Finding(first.line(), word + " is not a class this check knows, and only the fact model and allowed"
            + " classes may be named in rules of a pack that is not trusted"));
      }
      if (!types.allowedClass(type.get())) {
        return Optional.of(new Finding(first.line(), type.get() + " is not allowed in rules of a pack that is not trusted"));
      }
    }
    return Optional.empty();
  }

  /** Java's unicode escapes ({@code \\uXXXX}, any number of u's), decoded as the compiler decodes them before lexing. */
  static String decodeUnicodeEscapes(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '\\' && i + 1 < code.length() && code.charAt(i + 1) == 'u' && precedingBackslashes(code, i) % 2 == 0) {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) == 'u') {
          j++;
        }
        if (j + 4 <= code.length() && code.substring(j, j + 4).matches("[0-9A-Fa-f]{4}")) {
          out.append((char) Integer.parseInt(code.substring(j, j + 4), 16));
          i = j + 4;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int precedingBackslashes(String code, int index) {
    int count = 0;
    for (int i = index - 1; i >= 0 && code.charAt(i) == '\\'; i--) {
      count++;
    }
    return count;
  }

  /** The code's tokens, with lines counted from 1 at the fragment's start. */
  static List<Token> tokens(String code) {
    StreamTokenizer tokenizer = new StreamTokenizer(new StringReader(code));
    tokenizer.resetSyntax();
    tokenizer.wordChars('a', 'z');
    tokenizer.wordChars('A', 'Z');
    tokenizer.wordChars('0', '9');
    tokenizer.wordChars('_', '_');
    tokenizer.wordChars('$', '$');
    tokenizer.wordChars(0x80, 0xFFFF); // Java identifiers may use any letter
    tokenizer.whitespaceChars(0, ' ');
    tokenizer.quoteChar('"');
    tokenizer.quoteChar('\'');
    tokenizer.slashSlashComments(true);
    tokenizer.slashStarComments(true);
    tokenizer.eolIsSignificant(false);
    List<Token> tokens = new ArrayList<>();
    try {
      int type;
      while ((type = tokenizer.nextToken()) != StreamTokenizer.TT_EOF) {
        if (type == StreamTokenizer.TT_WORD) {
          tokens.add(new Token(Token.Kind.WORD, tokenizer.sval, tokenizer.lineno()));
        } else if (type == '"' || type == '\'') {
          tokens.add(new Token(Token.Kind.LITERAL, tokenizer.sval, tokenizer.lineno()));
        } else {
          tokens.add(new Token(Token.Kind.SYMBOL, Character.toString((char) type), tokenizer.lineno()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
    return tokens;
  }
}
