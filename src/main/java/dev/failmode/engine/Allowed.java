package dev.failmode.engine;

import java.util.Map;
import java.util.Set;

/**
 * What rules of packs that are not trusted may name: the fact model, value types of
 * java.lang, java.util, java.time and java.math, and nothing that reaches outside the rule
 * engine (files, network, processes, threads, class loading, reflection, the session itself).
 */
final class Allowed {
  private Allowed() {}

  static final String MODEL = "dev.failmode.model.";

  /** Model classes rules must not name: the engine's internals behind the facts. */
  static final Set<String> MODEL_INTERNAL = Set.of("RuleScope", "Ballot");

  /** java.lang classes that may be named; everything else in java.lang (System, Runtime, Thread, Class...) may not. */
  static final Set<String> JAVA_LANG = Set.of("String", "StringBuilder", "CharSequence", "Math", "StrictMath", "Integer", "Long",
      "Double", "Float", "Short", "Byte", "Boolean", "Character", "Number", "Comparable", "Iterable", "Object", "Enum",
      "RuntimeException", "IllegalStateException", "IllegalArgumentException", "ArithmeticException", "NullPointerException",
      "UnsupportedOperationException", "IndexOutOfBoundsException", "NumberFormatException", "ClassCastException", "Exception",
      "Override", "SuppressWarnings", "Deprecated", "FunctionalInterface");

  /** Packages whose public classes may be named (only the package itself, not its sub-packages). */
  static final Set<String> PACKAGES = Set.of("java.util", "java.time", "java.math", "java.time.temporal", "java.time.format",
      "java.util.function", "java.util.regex");

  /**
   * Single classes of other packages that may be named. Not Stream or IntStream themselves:
   * {@code Stream.iterate} and {@code generate} never end.
   */
  static final Set<String> CLASSES = Set.of("java.util.stream.Collectors", "java.util.stream.Collector");

  /** Classes of those packages that reach outside: threads, timers, service loading, files. */
  static final Set<String> DENIED_IN_PACKAGES = Set.of("java.util.Timer", "java.util.TimerTask", "java.util.ServiceLoader",
      "java.util.Scanner", "java.util.Properties", "java.util.PropertyResourceBundle", "java.util.ResourceBundle",
      "java.util.prefs.Preferences", "java.time.Clock", "java.util.stream.StreamSupport");

  /** Types a rule may create with {@code new}: values and collections. */
  static final Set<String> NEW = Set.of("java.lang.String", "java.lang.StringBuilder", "java.math.BigDecimal", "java.math.BigInteger",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
      "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.EnumMap",
      "java.util.StringJoiner", "java.util.AbstractMap.SimpleEntry", "java.util.AbstractMap.SimpleImmutableEntry",
      "java.lang.RuntimeException", "java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
      "java.lang.UnsupportedOperationException");

  /** Element types of arrays a rule may create with {@code new T[n]}, besides allowed classes. */
  static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean");

  /** Fact types a pattern may match, and the types collect and accumulate give. */
  static final Set<String> PATTERN_TYPES = Set.of("Verdict", "Outcome", "FileReview", "FailureMode", "Component", "Catalogue",
      "Budget", "Parameters", "Today", "Slo", "Metadata", "Incident", "Remediation", "Waiver", "Frequency", "List", "ArrayList",
      "Collection", "Set", "HashSet", "Number", "BigDecimal", "Long", "Integer", "Double", "Object");

  /**
   * Names that reach outside the rules wherever they appear, and why: reflection, class loading,
   * the process, the environment, threads' monitors, the rule session.
   */
  static final Map<String, String> DENIED_NAMES = denied(
      "reflection", "getClass forName getMethod getMethods getDeclaredMethod getDeclaredMethods getField getFields getDeclaredField"
          + " getDeclaredFields getConstructor getConstructors getDeclaredConstructor getDeclaredConstructors newInstance invoke"
          + " invokeExact setAccessible lookup getDeclaringClass describeConstable getRecordComponents getAccessor getEnclosingMethod"
          + " getEnclosingClass getEnclosingConstructor getSuperclass getInterfaces getComponentType getNestHost getPackage getModule"
          + " getCallerClass",
      "class loading and the classpath", "getClassLoader loadClass defineClass getSystemClassLoader getContextClassLoader"
          + " getProtectionDomain getCodeSource getResource getResourceAsStream getResources",
      "files and the network", "toURL toURI toPath toFile openStream openConnection",
      "the process", "exec exit halt getRuntime load loadLibrary",
      "the environment", "getenv getProperty setProperty getProperties getInteger getLong getBoolean",
      "threads", "wait notify notifyAll finalize parallelStream parallel",
      "the JVM's global state (the default locale and time zone of every other pack and report)", "setDefault",
      "the rule session (facts are read-only: rules vote, they do not change facts)", "getKieRuntime getKnowledgeRuntime"
          + " getWorkingMemory getKieBase getSession getEntryPoint getChannels insertLogical fireAllRules fireUntilHalt getRuleUnit"
          + " getFactHandle getRuntimeManager getKieSession getProjectClassLoader getActivation setFocus");

  /**
   * The session's own verbs, refused when called on their own ({@code update($v)}), as a
   * consequence calls them; a value's method of the same name ({@code builder.insert(0, x)}) is fine.
   */
  static final Set<String> SESSION_VERBS = Set.of("insert", "update", "modify", "delete", "retract", "halt");

  /** Variables Drools gives a consequence that reach the session: refused wherever they appear. */
  static final Set<String> DENIED_VARIABLES = Set.of("drools", "kcontext", "consequenceCtx", "knowledgeHelper");

  private static Map<String, String> denied(String... reasonsAndNames) {
    Map<String, String> names = new java.util.HashMap<>();
    for (int i = 0; i < reasonsAndNames.length; i += 2) {
      for (String name : reasonsAndNames[i + 1].split(" ")) {
        names.put(name, reasonsAndNames[i]);
        // MVEL reads x.classLoader as x.getClassLoader(): the property form of a getter is the same call
        if (name.startsWith("get") && name.length() > 3) {
          names.putIfAbsent(Character.toLowerCase(name.charAt(3)) + name.substring(4), reasonsAndNames[i]);
        }
      }
    }
    return Map.copyOf(names);
  }

  /** Java keywords that have no place in a rule of a shared pack: loops that can hang CI, and declarations of code. */
  static final Set<String> DENIED_KEYWORDS = Set.of("while", "do", "synchronized", "native", "volatile", "transient", "class",
      "interface", "enum", "goto", "assert", "import", "package", "strictfp", "super");

  /** Accumulate functions that are only arithmetic or collection. */
  static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "average", "min", "max", "collectList", "collectSet",
      "countDistinct", "sumBD", "averageBD");

  /** Rule attributes that only order or group rules, with literal values. */
  static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group", "activation-group",
      "ruleflow-group", "auto-focus", "enabled", "dialect", "date-effective", "date-expires");

  /** First words of qualified names that name packages. */
  static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "dev", "ch", "picocli",
      "kotlin", "scala", "groovy", "jakarta", "mvel", "mvel2");
}
