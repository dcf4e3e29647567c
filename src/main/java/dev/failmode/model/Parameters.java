package dev.failmode.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pack's parameters for this run: the defaults of its {@code pack.yaml} with any
 * {@code --set} overrides applied, already checked against their declared types. Rules match
 * {@code Parameters(pack == "core")} and read values by name.
 */
public final class Parameters {
  private final String pack;
  private final Map<String, Object> values;

  public Parameters(String pack, Map<String, Object> values) {
    this.pack = pack;
    this.values = new TreeMap<>(values);
  }

  public String getPack() {
    return pack;
  }

  /** A {@code number} or {@code share} parameter; a share of 25% is 0.25. */
  public BigDecimal number(String name) {
    return get(name, BigDecimal.class);
  }

  public Duration duration(String name) {
    return get(name, Duration.class);
  }

  public String text(String name) {
    return get(name, String.class);
  }

  public boolean flag(String name) {
    return get(name, Boolean.class);
  }

  /** Every value by name, for reports. */
  public Map<String, Object> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  private <T> T get(String name, Class<T> type) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("pack " + pack + " has no parameter '" + name + "'; it has " + values.keySet());
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("parameter '" + name + "' of pack " + pack + " is a " + value.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "Parameters[" + pack + " " + values + "]";
  }
}
