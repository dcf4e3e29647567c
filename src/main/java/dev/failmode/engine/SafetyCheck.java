package dev.failmode.engine;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The allow-list check that runs before any DRL of a pack that is not built in (and not given
 * {@code --trust}) is compiled. Drools has no sandbox: DRL can call any Java the JVM can reach,
 * in a consequence, a constraint, an eval or a from. So a shared pack's DRL is parsed with
 * Drools' own parser, and every part of it is held to {@link Allowed}: imports, the types
 * patterns match, functions, globals, queries, declarations, attributes and dialects, and the
 * code of every constraint, eval, from, accumulate and consequence.
 *
 * <p>It is an allow-list check, not a sandbox; docs/security.md says what it covers and what it
 * does not.
 */
public final class SafetyCheck {
  private static final String NOT_PARSED = "the DRL does not parse";

  private SafetyCheck() {}

  /** The package a pack's DRL declares: {@code dev.failmode.packs.} and its id, '-' as '_'. */
  public static String packageOf(String packId) {
    return "dev.failmode.packs." + packId.replace('-', '_');
  }

  /**
   * Whether a problem of {@link #check} is DRL that does not parse rather than DRL the check
   * refuses: such a pack is broken, not unsafe, and trusting it would not help.
   */
  public static boolean notParsed(Problem problem) {
    return problem.message().startsWith(NOT_PARSED);
  }

  /** Every violation in the pack's DRL, located at file:line and naming the construct; empty when it passes. */
  public static List<Problem> check(RulePack pack) {
    List<Problem> problems = new ArrayList<>();
    for (DrlSource source : pack.sources()) {
      problems.addAll(check(source, pack.id()));
    }
    return problems;
  }

  static List<Problem> check(DrlSource source, String packId) {
    DrlParser parser = new DrlParser();
    PackageDescr drl;
    try {
      drl = parser.parse(false, source.text());
    } catch (DroolsParserException e) {
      return List.of(new Problem(Location.of(source.name()), "", NOT_PARSED + ": " + e.getMessage()));
    }
    if (parser.hasErrors() || drl == null) {
      List<Problem> problems = new ArrayList<>();
      for (org.drools.drl.parser.DroolsError e : parser.getErrors()) {
        int line = e.getLines() != null && e.getLines().length > 0 ? Math.max(0, e.getLines()[0]) : 0;
        // the parser counts columns from 0 and writes them into its message too ("Line 14:69"): from 1, and once
        int column = line > 0 && e instanceof org.drools.drl.parser.ParserError parsed && parsed.getCol() >= 0 ? parsed.getCol() + 1 : 0;
        String message = RuleBase.clean(e.getMessage());
        if (column > 0) {
          message = message.replaceFirst("^(\\[ERR \\d+\\] )?Line \\d+:\\d+ ", "$1");
        }
        problems.add(new Problem(new Location(source.name(), line, column), "", NOT_PARSED + ": " + message));
      }
      if (problems.isEmpty()) {
        problems.add(new Problem(Location.of(source.name()), "", NOT_PARSED));
      }
      return problems;
    }
    return new Walk(source, packId, drl).run();
  }

  /** One DRL file's walk. */
  private static final class Walk {
    private final DrlSource source;
    private final String packId;
    private final PackageDescr drl;
    private final List<Problem> problems = new ArrayList<>();
    private TypeNames types;
    private CodeScanner scanner;

    Walk(DrlSource source, String packId, PackageDescr drl) {
      this.source = source;
      this.packId = packId;
      this.drl = drl;
    }

    List<Problem> run() {
      packageName();
      imports();
      declarations();
      for (AttributeDescr attribute : drl.getAttributes()) {
        attribute(attribute, drl);
      }
      for (RuleDescr rule : drl.getRules()) {
        rule(rule);
      }
      return problems;
    }

    /**
     * A pack's package is {@code dev.failmode.packs.<id>}: Drools imports every class of a rule's
     * package into its code, so a package named after a library's would open that library.
     */
    private void packageName() {
      String expected = packageOf(packId);
      if (drl.getName() == null || drl.getName().isBlank()) {
        violation(1, "there is no package line: a pack that is not trusted declares package " + expected);
      } else if (!expected.equals(drl.getName())) {
        violation(lineOf("package"), "package " + drl.getName() + " is not allowed: a pack that is not trusted declares package "
            + expected);
      }
    }

    private void imports() {
      List<String> single = new ArrayList<>();
      List<String> packages = new ArrayList<>();
      TypeNames check = new TypeNames(List.of(), List.of());
      for (ImportDescr descr : drl.getImports()) {
        String target = CodeScanner.decodeUnicodeEscapes(descr.getTarget()).strip();
        if (target.endsWith(".*")) {
          String pkg = target.substring(0, target.length() - 2);
          boolean allowedPackage = Allowed.PACKAGES.contains(pkg) || pkg.equals("dev.failmode.model") || pkg.equals("java.lang");
          if (!allowedPackage) {
            violation(descr, "import " + target + " is not allowed (allowed: dev.failmode.model.*, java.util.*, java.time.*,"
                + " java.math.*, and allowed classes of java.lang)");
          } else {
            packages.add(pkg);
          }
        } else if (check.allowedClass(target)) {
          single.add(target);
        } else {
          violation(descr, "import " + target + " is not allowed in a pack that is not trusted");
        }
      }
      for (FunctionImportDescr descr : drl.getFunctionImports()) {
        String target = CodeScanner.decodeUnicodeEscapes(descr.getTarget()).strip();
        int dot = target.lastIndexOf('.');
        String owner = dot < 0 ? target : target.substring(0, dot);
        String member = dot < 0 ? "" : target.substring(dot + 1);
        if (!check.allowedClass(owner) || Allowed.DENIED_NAMES.containsKey(member)) {
          violation(descr, "import function " + target + " is not allowed in a pack that is not trusted");
        }
      }
      for (AccumulateImportDescr descr : drl.getAccumulateImports()) {
        violation(descr, "import accumulate " + descr.getTarget() + " is not allowed: a custom accumulate function is Java code");
      }
      types = new TypeNames(single, packages);
      scanner = new CodeScanner(types);
    }

    private void declarations() {
      drl.getFunctions().forEach(f -> violation(f, "function " + f.getName() + " is not allowed: functions can hide side effects"));
      drl.getGlobals().forEach(g -> violation(g, "global " + g.getIdentifier() + " is not allowed: globals can hide side effects"));
      drl.getTypeDeclarations().forEach(t -> violation(t, "declare " + t.getTypeName() + " is not allowed in a pack that is not trusted"));
      drl.getEnumDeclarations().forEach(t -> violation(t, "declare enum " + t.getTypeName() + " is not allowed"));
      drl.getEntryPointDeclarations().forEach(t -> violation(t, "declare entry-point is not allowed"));
      drl.getWindowDeclarations().forEach(t -> violation(t, "declare window is not allowed"));
      if (drl.getUnit() != null) {
        violation(drl.getUnit(), "rule units are not allowed");
      }
    }

    private void rule(RuleDescr rule) {
      if (rule.isQuery()) {
        violation(rule, "query " + rule.getName() + " is not allowed: queries can hide side effects");
        return;
      }
      for (AnnotationDescr annotation : rule.getAnnotations()) {
        if (!annotation.getName().matches("[A-Za-z][A-Za-z0-9_-]*")) {
          violation(rule, "the annotation @" + annotation.getName() + " is not allowed: metadata annotations have simple names");
        }
        // Drools evaluates an annotation's values when it compiles: only string literals are data
        for (Map.Entry<String, Object> value : annotation.getValueMap().entrySet()) {
          if (!(value.getValue() instanceof String text) || !text.strip().matches("\"([^\"\\\\]|\\\\.)*\"")) {
            violation(rule, "@" + annotation.getName() + "(" + value.getValue() + ") is not allowed: metadata values are strings in"
                + " double quotes");
          }
        }
      }
      for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
        attribute(attribute.getValue(), rule);
      }
      if (rule.getLhs() != null) {
        element(rule.getLhs());
      }
      if (rule.getConsequence() != null) {
        String consequence = String.valueOf(rule.getConsequence());
        code(consequence, codeLine(consequence, rule.getConsequenceLine()), "the consequence of rule " + rule.getName());
      }
      for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
        String consequence = String.valueOf(named.getValue());
        int start = lineOf("then[" + named.getKey() + "]", rule.getConsequenceLine());
        code(consequence, codeLine(consequence, start > 0 ? start : rule.getConsequenceLine()),
            "consequence " + named.getKey() + " of rule " + rule.getName());
      }
    }

    private void attribute(AttributeDescr attribute, BaseDescr owner) {
      String name = attribute.getName();
      String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
      BaseDescr where = attribute.getLine() > 0 ? attribute : owner;
      if (!Allowed.ATTRIBUTES.contains(name)) {
        violation(where, "the attribute " + name + " is not allowed in a pack that is not trusted");
      } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
        violation(where, "dialect " + value + " is not allowed: only the java dialect");
      } else if (name.equals("salience") && !value.matches("-?[0-9]+")) {
        violation(where, "salience " + value + " is not allowed: a salience is a number, not an expression");
      } else if (name.equals("enabled") && !value.matches("true|false")) {
        violation(where, "enabled " + value + " is not allowed: enabled is true or false, not an expression");
      }
    }

    private void element(BaseDescr descr) {
      if (descr instanceof AndDescr and) {
        and.getDescrs().forEach(this::element);
      } else if (descr instanceof OrDescr or) {
        or.getDescrs().forEach(this::element);
      } else if (descr instanceof NotDescr not) {
        not.getDescrs().forEach(d -> element((BaseDescr) d));
      } else if (descr instanceof ExistsDescr exists) {
        exists.getDescrs().forEach(d -> element((BaseDescr) d));
      } else if (descr instanceof ForallDescr forall) {
        forall.getDescrs().forEach(this::element);
      } else if (descr instanceof PatternDescr pattern) {
        pattern(pattern);
      } else if (descr instanceof EvalDescr eval) {
        code(String.valueOf(eval.getContent()), eval.getLine(), "eval");
      } else if (descr instanceof ConditionalBranchDescr branch) {
        element(branch.getCondition());
        if (branch.getElseBranch() != null) {
          element(branch.getElseBranch());
        }
      } else if (descr instanceof NamedConsequenceDescr) {
        return; // its code is checked with the rule's named consequences
      } else {
        violation(descr, descr.getClass().getSimpleName().replace("Descr", "") + " is not allowed in a pack that is not trusted");
      }
    }

    private void pattern(PatternDescr pattern) {
      if (!pattern.getAnnotations().isEmpty()) {
        violation(pattern, "annotations on patterns are not allowed in a pack that is not trusted");
      }
      String type = pattern.getObjectType() == null ? "" : CodeScanner.decodeUnicodeEscapes(pattern.getObjectType());
      String simple = type.contains(".") ? type.substring(type.lastIndexOf('.') + 1) : type;
      boolean allowedType = Allowed.PATTERN_TYPES.contains(simple)
          && (!type.contains(".") || types.allowedClass(type));
      if (!allowedType) {
        violation(pattern, "a pattern over " + type + " is not allowed: patterns match failmode's facts"
            + " (Verdict, Outcome, FileReview, FailureMode, Component, Catalogue, Budget, Parameters, Today)");
      }
      for (BaseDescr constraint : pattern.getDescrs()) {
        if (constraint instanceof ExprConstraintDescr expr) {
          code(expr.getExpression(), line(expr, pattern), "a constraint");
        } else if (constraint instanceof BindingDescr binding) {
          code(binding.getExpression(), line(binding, pattern), "a binding");
        } else {
          element(constraint);
        }
      }
      PatternSourceDescr source = pattern.getSource();
      if (source == null) {
        return;
      }
      if (source instanceof FromDescr from) {
        code(from.getExpression(), line(from, pattern), "from");
      } else if (source instanceof CollectDescr collect) {
        element(collect.getInputPattern());
      } else if (source instanceof AccumulateDescr accumulate) {
        accumulate(accumulate, pattern);
      } else {
        violation(pattern, source.getClass().getSimpleName().replace("Descr", "") + " is not allowed as a pattern's source");
      }
    }

    private void accumulate(AccumulateDescr accumulate, PatternDescr owner) {
      if (!accumulate.isExternalFunction()) {
        violation(line(accumulate, owner), "accumulate with init/action/result code is not allowed: use accumulate functions"
            + " (sum, count, min, max, average, collectList, collectSet)");
      }
      for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
        if (!Allowed.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
          violation(line(accumulate, owner), "the accumulate function " + function.getFunction() + " is not allowed");
        }
        for (String parameter : function.getParams()) {
          code(parameter, line(accumulate, owner), "an accumulate function's parameter");
        }
      }
      if (accumulate.getInput() != null) {
        element(accumulate.getInput());
      }
    }

    private void code(String code, int firstLine, String what) {
      if (code == null) {
        return;
      }
      for (CodeScanner.Finding finding : scanner.scan(code)) {
        problems.add(new Problem(new Location(source.name(), Math.max(1, firstLine) + finding.line() - 1, 0), "",
            finding.message() + " (in " + what + ")"));
      }
    }

    /**
     * The line a piece of code starts on: Drools gives the line of its 'then', but drops what
     * separates the two, so the code's first line is looked for from there on.
     */
    private int codeLine(String code, int from) {
      String first = code.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
      String[] lines = source.text().split("\\R", -1);
      for (int i = Math.max(0, from - 1); i < lines.length && !first.isEmpty(); i++) {
        if (lines[i].contains(first)) {
          return i + 1;
        }
      }
      return from;
    }

    /** The first line at or after {@code from} that holds {@code text}; 0 if none. */
    private int lineOf(String text, int from) {
      String[] lines = source.text().split("\\R", -1);
      for (int i = Math.max(0, from - 1); i < lines.length; i++) {
        if (lines[i].replace(" ", "").contains(text.replace(" ", ""))) {
          return i + 1;
        }
      }
      return 0;
    }

    private int lineOf(String keyword) {
      String[] lines = source.text().split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].strip().startsWith(keyword + " ")) {
          return i + 1;
        }
      }
      return 1;
    }

    private static int line(BaseDescr descr, BaseDescr fallback) {
      return descr.getLine() > 0 ? descr.getLine() : fallback.getLine();
    }

    private void violation(BaseDescr descr, String message) {
      violation(descr == null ? 0 : descr.getLine(), message);
    }

    private void violation(int line, String message) {
      problems.add(new Problem(new Location(source.name(), Math.max(0, line), 0), "", message));
    }
  }
}
