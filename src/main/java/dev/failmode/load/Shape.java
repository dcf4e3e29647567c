package dev.failmode.load;

import java.util.List;
import java.util.Optional;

/**
 * The declared shape of a mapping in format v1: its keys, their types and which are required.
 * The binder validates files against it and the JSON Schema is generated from it, so keys, types,
 * enums and required fields agree; what a pattern cannot say (limits of durations and windows,
 * how a number was written, calendar dates, duplicates) only the loader checks, and
 * {@code JsonSchemaTest} holds the patterns to the loader's verdicts on their edges.
 */
public record Shape(String name, String description, List<Field> fields) {

  public Optional<Field> field(String key) {
    // a loop, asked for every key of every mapping read: a stream and its lambda, made at each
    // call, cost the loader about 2% (the lambda is allocated through a method handle until C2,
    // which a short run does not use, compiles the caller)
    for (Field field : fields) {
      if (field.name().equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  public List<String> keys() {
    return fields.stream().map(Field::name).toList();
  }

  /** The kinds of value a key can hold. */
  public enum Type {
    /** Any non-empty text. */
    TEXT,
    /** A name usable in an id: letters, digits, '.', '_' and '-', no spaces or '/'. */
    NAME,
    /** A kebab-case id: lower-case letters and digits in words joined by '-'. */
    KEBAB_ID,
    BOOLEAN,
    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    DURATION,
    /** {@code 4/year}. */
    FREQUENCY,
    /** An SLO target: {@code 99.99} or {@code "99.99%"}. */
    TARGET,
    /** A window in days: {@code 30d}. */
    WINDOW,
    /** An ISO date. */
    DATE,
    /** One of a fixed set of kebab-case values. */
    ENUM,
    /** Any scalar, kept as written: a value whose type another key declares. */
    SCALAR,
    /** A fixed value, such as {@code apiVersion}. */
    CONSTANT,
    /** A nested mapping of another shape. */
    OBJECT,
    /** A non-empty list of mappings of another shape. */
    LIST,
    /** A list of texts. */
    TEXT_LIST,
    /** A mapping of names to single values, each kept as written. */
    SCALAR_MAP
  }

  /**
   * One key of a shape.
   *
   * @param values for ENUM the accepted spellings; for CONSTANT the one accepted value
   * @param shape for OBJECT and LIST, the shape of the nested mappings
   * @param defaultValue what an absent optional key means, as written in a file; null if nothing
   */
  public record Field(String name, Type type, boolean required, String description, List<String> values, Shape shape,
      String defaultValue) {

    public static Field required(String name, Type type, String description) {
      return new Field(name, type, true, description, List.of(), null, null);
    }

    public static Field optional(String name, Type type, String description) {
      return new Field(name, type, false, description, List.of(), null, null);
    }

    public Field withDefault(String value) {
      return new Field(name, type, required, description, values, shape, value);
    }

    public Field of(List<String> accepted) {
      return new Field(name, type, required, description, List.copyOf(accepted), shape, defaultValue);
    }

    public Field of(Shape nested) {
      return new Field(name, type, required, description, values, nested, defaultValue);
    }
  }
}
