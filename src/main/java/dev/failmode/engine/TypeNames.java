package dev.failmode.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a DRL file's code names classes: its imports (single classes and packages), java.lang, and
 * fully qualified names; and whether a class is allowed in rules of packs that are not trusted.
 */
final class TypeNames {
  private final Map<String, String> single = new HashMap<>();
  private final List<String> packages;

  /**
   * @param singleImports fully qualified names of classes imported one by one
   * @param packageImports packages imported with {@code .*}
   */
  TypeNames(List<String> singleImports, List<String> packageImports) {
    for (String name : singleImports) {
      single.put(name.substring(name.lastIndexOf('.') + 1), name);
    }
    this.packages = List.copyOf(packageImports);
  }

  /** The class a simple name stands for in this file, if it is one: imports first, then java.lang. */
  Optional<String> resolveClass(String simpleName) {
    String imported = single.get(simpleName);
    if (imported != null) {
      return Optional.of(imported);
    }
    for (String pkg : packages) {
      if (exists(pkg + "." + simpleName)) {
        return Optional.of(pkg + "." + simpleName);
      }
    }
    if (exists("java.lang." + simpleName)) {
      return Optional.of("java.lang." + simpleName);
    }
    return Optional.empty();
  }

  /** A simple, nested ({@code AbstractMap.SimpleEntry}) or qualified type name, resolved. */
  Optional<String> resolve(String name) {
    if (!name.contains(".")) {
      return resolveClass(name);
    }
    String first = name.substring(0, name.indexOf('.'));
    if (Character.isUpperCase(first.charAt(0))) {
      return resolveClass(first).map(outer -> outer + name.substring(first.length()));
    }
    return Optional.of(name);
  }

  /** Whether rules of packs that are not trusted may name this class. */
  boolean allowedClass(String qualified) {
    String name = qualified.replace('$', '.');
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String pkg = name.substring(0, dot);
    String simple = name.substring(dot + 1);
    if (name.startsWith(Allowed.MODEL)) {
      String rest = name.substring(Allowed.MODEL.length());
      return !rest.contains(".") ? !Allowed.MODEL_INTERNAL.contains(rest) : !Allowed.MODEL_INTERNAL.contains(rest.substring(0, rest.indexOf('.')));
    }
    if (pkg.equals("java.lang")) {
      return Allowed.JAVA_LANG.contains(simple);
    }
    if (Allowed.CLASSES.contains(name)) {
      return true;
    }
    if (Allowed.PACKAGES.contains(pkg)) {
      return !deniedOrDescendsFromDenied(name);
    }
    // a nested class of an allowed class, such as Map.Entry or Frequency.Per
    if (Character.isUpperCase(pkg.substring(pkg.lastIndexOf('.') + 1).charAt(0))) {
      return allowedClass(pkg);
    }
    return false;
  }

  /**
   * Whether a class is denied or extends one that is: a subclass inherits its parent's static
   * methods, so {@code ListResourceBundle.getBundle(...)} is {@code ResourceBundle.getBundle(...)}.
   */
  private static boolean deniedOrDescendsFromDenied(String qualified) {
    if (Allowed.DENIED_IN_PACKAGES.contains(qualified)) {
      return true;
    }
    try {
      for (Class<?> type = Class.forName(qualified, false, TypeNames.class.getClassLoader()); type != null; type = type.getSuperclass()) {
        if (Allowed.DENIED_IN_PACKAGES.contains(type.getName())) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // no such class: the compiler says so
    }
  }

  /** Whether a class of this name exists, without initialising it (no static initialiser runs). */
  private static boolean exists(String qualified) {
    try {
      Class.forName(qualified, false, TypeNames.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
