package dev.failmode.report;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Which strings the YAML report quotes: Jackson's choice (keywords such as {@code yes} and
 * {@code null}, numbers, indicators), and also what a YAML reader would take for something other
 * than text: a date or a time ({@code 2020-01-01}, which PyYAML reads as a date), a sexagesimal
 * number ({@code 1:20}, 80 in YAML 1.1) and an octal number of YAML 1.2 ({@code 0o17}). The report's
 * generator and {@link Utf8Yaml} ask it alike, so both write the same bytes.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  static final YamlQuoting INSTANCE = new YamlQuoting();
  private static final Pattern OCTAL_12 = Pattern.compile("[-+]?0o[0-7]+");

  private YamlQuoting() {}

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || readsAsSomethingElse(value);
  }

  private static boolean readsAsSomethingElse(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    if (first != '+' && first != '-' && first != '.' && (first < '0' || first > '9')) {
      return false; // none of these starts otherwise: most text is decided by its first character
    }
    return Resolver.TIMESTAMP.matcher(value).matches() || Resolver.INT.matcher(value).matches()
        || Resolver.FLOAT.matcher(value).matches() || OCTAL_12.matcher(value).matches();
  }
}
