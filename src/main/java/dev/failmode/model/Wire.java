package dev.failmode.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spelling of an enum constant in failure-mode files and reports: lower-case kebab-case,
 * so {@code Effect.INCORRECT_DATA} is written {@code incorrect-data}.
 */
public final class Wire {
  private Wire() {}

  /** The name a constant has in files, e.g. {@code resource-exhaustion}. */
  public static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant written {@code text} in a file, if any. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (name(constant).equals(text)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** Every spelling of {@code type}, in declaration order. */
  public static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Wire::name).toList();
  }
}
