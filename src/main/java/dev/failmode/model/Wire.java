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
  /**
   * Each enum's spellings by ordinal, made once per enum: a catalogue of 100,000 failure modes
   * reads and writes a million of them, and spelling each again cost 4% of reading it.
   */
  private static final ClassValue<String[]> NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
      return names;
    }
  };

  private Wire() {}

  /** The name a constant has in files, e.g. {@code resource-exhaustion}. */
  public static String name(Enum<?> constant) {
    // by the constant's own class: getDeclaringClass asks the JVM for the superclass through JNI
    // at every call until C2 compiles it, and reports ask a million times
    return SPELLINGS.get(constant.getClass())[constant.ordinal()];
  }

  /** The spellings by the class of a constant, which is its enum's or, for a constant with a body, a subclass of it. */
  private static final ClassValue<String[]> SPELLINGS = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      return NAMES.get(type.isEnum() ? type : type.getSuperclass());
    }
  };

  /** The constant written {@code text} in a file, if any. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    String[] names = NAMES.get(type);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(text)) {
        return Optional.of(type.cast(CONSTANTS.get(type)[i]));
      }
    }
    return Optional.empty();
  }

  /** Each enum's constants, got once: getEnumConstants copies them at every call. */
  private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
    @Override
    protected Object[] computeValue(Class<?> type) {
      return type.getEnumConstants();
    }
  };

  /** Every spelling of {@code type}, in declaration order. */
  public static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Wire::name).toList();
  }
}
