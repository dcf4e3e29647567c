package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model records that write out {@code equals} and {@code hashCode} (see package-info.java)
 * keep the record contract: equal exactly when every component is equal, and equal records hash
 * alike. The components are read by reflection, so a component added later cannot be forgotten.
 */
class RecordEqualityTest {

  /** The records package-info.java speaks of; a record's own methods cannot be told from written-out ones by reflection. */
  static Stream<Class<?>> writtenOut() {
    return Stream.of(Budget.class, Finding.class, Frequency.class, Location.class, Reason.class, Slo.class, Suggestion.class, Waiver.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writtenOut")
  void equalExactlyWhenEveryComponentIsEqual(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Object one = make(type, 0, -1);
    Object same = make(type, 0, -1);

    assertThat(one).isEqualTo(same).isNotSameAs(same).hasSameHashCodeAs(same).isNotEqualTo(null).isNotEqualTo("text");
    for (int i = 0; i < components.length; i++) {
      assertThat(make(type, 0, i)).as(components[i].getName()).isNotEqualTo(one);
      if (!components[i].getType().isPrimitive() && acceptsNull(type, i)) {
        Object withNull = nullAt(type, i);
        assertThat(withNull).as(components[i].getName() + " null").isNotEqualTo(one).isEqualTo(nullAt(type, i))
            .hasSameHashCodeAs(nullAt(type, i));
        assertThat(one).as(components[i].getName() + " null").isNotEqualTo(withNull);
      }
    }
  }

  /** An instance of sample values, with component {@code changed} (if any) given another. */
  private static Object make(Class<?> type, int variant, int changed) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = sample(components[i].getType(), i == changed ? variant + 1 : variant);
    }
    return canonical(type).newInstance(values);
  }

  /** Whether the record can be made with component {@code at} null (Frequency, for one, refuses a null count). */
  private static boolean acceptsNull(Class<?> type, int at) throws ReflectiveOperationException {
    try {
      nullAt(type, at);
      return true;
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof NullPointerException) {
        return false;
      }
      throw e;
    }
  }

  private static Object nullAt(Class<?> type, int at) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = i == at ? null : sample(components[i].getType(), 0);
    }
    return canonical(type).newInstance(values);
  }

  private static Constructor<?> canonical(Class<?> type) throws NoSuchMethodException {
    return type.getDeclaredConstructor(Stream.of(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
  }

  private static Object sample(Class<?> type, int variant) throws ReflectiveOperationException {
    if (type == String.class) {
      return "value " + variant;
    } else if (type == int.class) {
      return 7 + variant;
    } else if (type == boolean.class) {
      return variant % 2 == 1;
    } else if (type == BigDecimal.class) {
      return new BigDecimal("99.9").add(BigDecimal.valueOf(variant));
    } else if (type == Duration.class) {
      return Duration.ofMinutes(5 + variant);
    } else if (type == LocalDate.class) {
      return LocalDate.of(2026, 11, 26).plusDays(variant);
    } else if (type.isEnum()) {
      return type.getEnumConstants()[variant % type.getEnumConstants().length];
    } else if (type.isRecord()) {
      return make(type, variant, -1);
    }
    throw new AssertionError("no sample value for " + type + ": teach RecordEqualityTest one");
  }
}
