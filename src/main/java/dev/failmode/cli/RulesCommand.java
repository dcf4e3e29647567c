package dev.failmode.cli;

import dev.failmode.engine.ParameterSpec;
import dev.failmode.engine.RuleBase;
import dev.failmode.engine.RuleInfo;
import dev.failmode.engine.RulePack;
import dev.failmode.load.Suggest;
import dev.failmode.model.Text;
import dev.failmode.report.Markdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {"What the rule packs contain: list their rules, show one, or print their reference docs in Markdown.",
        "Without --rules or a project file, every built-in pack."},
    subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Doc.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:an unknown rule or pack, or a broken pack"})
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }

  /** The packs to describe, compiled. */
  static Loaded load(PackOptions options) throws UserError {
    Setup setup = Setup.of(options, Setup.builtIns(), Map.of());
    return new Loaded(setup.packs, setup.compile());
  }

  record Loaded(List<RulePack> packs, RuleBase rules) {
    List<RuleInfo> rulesOf(RulePack pack) {
      return rules.rules().stream().filter(r -> r.pack().equals(pack.id())).toList();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = FailmodeCommand.Version.class,
      description = "List the rules of the packs: id, kind and title.")
  static final class ListRules implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PackOptions packs;
    @Mixin LoggingOptions logging;

    @Override
    public Integer call() throws UserError {
      Loaded loaded = load(packs);
      PrintWriter out = spec.commandLine().getOut();
      for (RulePack pack : loaded.packs()) {
        List<RuleInfo> rules = loaded.rulesOf(pack);
        out.println(Text.printable(pack.id() + " " + pack.manifest().version() + " (" + pack.origin() + "): ") + Text.count(rules.size(), "rule"));
        int width = rules.stream().mapToInt(r -> r.fullId().length()).max().orElse(0);
        for (RuleInfo rule : rules) {
          out.printf("  %-" + width + "s  %-10s  %s%n", rule.fullId(), Text.printable(rule.metadata().getOrDefault("kind", "")),
              Text.printable(rule.title()));
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = FailmodeCommand.Version.class,
      description = "Show one rule: its metadata, where it is, its DRL and its fixtures.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PackOptions packs;
    @Mixin LoggingOptions logging;

    @Parameters(paramLabel = "ID", description = "The rule's id: pack/rule, or just rule where it is unique.")
    String id;

    @Override
    public Integer call() throws UserError {
      Loaded loaded = load(packs);
      List<RuleInfo> all = loaded.rules().rules();
      List<RuleInfo> matches = all.stream().filter(r -> r.fullId().equals(id) || r.id().equals(id)).toList();
      if (matches.size() != 1) {
        List<String> ids = all.stream().map(RuleInfo::fullId).toList();
        String guess = Suggest.closest(id, ids)
            .or(() -> Suggest.closest(id, all.stream().map(RuleInfo::id).toList())
                .flatMap(s -> all.stream().filter(r -> r.id().equals(s)).map(RuleInfo::fullId).findFirst()))
            .map(s -> "; did you mean '" + s + "'?").orElse("");
        throw new UserError(matches.isEmpty() ? "no rule '" + id + "' in the packs" + guess
            : "'" + id + "' is a rule of several packs: " + matches.stream().map(RuleInfo::fullId).toList() + "; name one");
      }
      RuleInfo rule = matches.get(0);
      RulePack pack = loaded.packs().stream().filter(p -> p.id().equals(rule.pack())).findFirst().orElseThrow();
      PrintWriter out = spec.commandLine().getOut();
      // what a reviewer reads before trusting a pack: a bidirectional override or a control code in it shows as an escape
      out.println(Text.printable(rule.fullId() + ": " + rule.title()));
      out.println();
      out.println("  pack         " + Text.printable(pack.id() + " " + pack.manifest().version() + " (" + pack.origin() + ")"));
      out.println("  kind         " + Text.printable(rule.metadata().getOrDefault("kind", "")));
      out.println("  source       " + Text.printable(rule.source() + ":" + rule.line()));
      out.println("  description  " + Text.printable(rule.description()));
      if (!rule.doc().remediation().isEmpty()) {
        out.println("  remediation  " + Text.printable(rule.doc().remediation()));
      }
      List<String> fixtures = fixtures(pack, rule.id());
      out.println("  fixtures     " + Text.printable(fixtures.isEmpty() ? "none" : String.join(", ", fixtures)));
      out.println();
      drl(pack, rule).forEach(line -> out.println("  | " + Text.printable(line)));
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "doc", mixinStandardHelpOptions = true, versionProvider = FailmodeCommand.Version.class,
      description = {"Print the packs' reference docs in Markdown, from the rules' metadata (docs/rules.md is this output:"
          + " failmode rules doc -o docs/rules.md).",
          "Rules and packs in folders link to their files, relative to where the Markdown is written; those in archives"
              + " or Maven artifacts, and built-in packs outside failmode's own repository, are named without a link."})
  static final class Doc implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PackOptions packs;
    @Mixin LoggingOptions logging;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the Markdown to FILE, whole or not at all, with links relative to FILE's folder;"
            + " on standard output they are relative to the working directory.")
    Path output;

    @Override
    public Integer call() throws UserError {
      Loaded loaded = load(packs);
      Path cwd = Path.of("").toAbsolutePath();
      Links links = new Links(output == null ? cwd : cwd.resolve(output).normalize().getParent(), cwd);
      Anchors anchors = new Anchors();
      anchors.of("Rule reference");
      java.util.Map<String, String> ruleAnchors = new java.util.HashMap<>();
      for (RulePack pack : loaded.packs()) {
        anchors.of(pack.id() + " " + pack.manifest().version());
        for (RuleInfo rule : loaded.rulesOf(pack)) {
          ruleAnchors.put(rule.fullId(), anchors.of(rule.fullId()));
        }
      }
      StringBuilder md = new StringBuilder("# Rule reference\n\n");
      md.append("Generated by `failmode rules doc` from the metadata beside each rule in its DRL; do not edit it by hand.\n");
      md.append("A rule's id is `pack/rule`: reports name it beside every reason, suggestion and finding.\n");
      for (RulePack pack : loaded.packs()) {
        md.append("\n## ").append(pack.id()).append(' ').append(pack.manifest().version()).append("\n\n");
        md.append(Markdown.authored(pack.manifest().description().strip())).append("\n\n");
        md.append("Source: ").append(links.to(pack, pack.origin(), 0));
        if (pack.manifest().requires() != null) {
          md.append(" · requires failmode ").append(pack.manifest().requires());
        }
        for (var dependency : pack.manifest().dependencies()) {
          md.append(" · needs ").append(dependency.id()).append(' ').append(dependency.version());
        }
        md.append("\n");
        if (!pack.manifest().parameters().isEmpty()) {
          md.append("\n| parameter | type | default | what it controls |\n| --- | --- | --- | --- |\n");
          for (ParameterSpec p : pack.manifest().parameters()) {
            md.append("| `").append(pack.id()).append('.').append(p.name()).append("` | ").append(p.type().wireName()).append(" | ")
                .append(Markdown.authoredCell(p.written())).append(" | ").append(Markdown.authoredCell(p.description().strip())).append(" |\n");
          }
        }
        md.append("\n| rule | kind | title |\n| --- | --- | --- |\n");
        for (RuleInfo rule : loaded.rulesOf(pack)) {
          md.append("| [`").append(rule.fullId()).append("`](#").append(ruleAnchors.get(rule.fullId())).append(") | ")
              .append(Markdown.authoredCell(rule.metadata().getOrDefault("kind", ""))).append(" | ").append(Markdown.authoredCell(rule.title()))
              .append(" |\n");
        }
        for (RuleInfo rule : loaded.rulesOf(pack)) {
          md.append("\n### ").append(rule.fullId()).append("\n\n");
          md.append("**").append(Markdown.authored(rule.title())).append("** — ").append(rule.metadata().getOrDefault("kind", "")).append(", ")
              .append(links.to(pack, rule.source(), rule.line())).append("\n\n");
          md.append(Markdown.authored(rule.description())).append("\n");
          if (!rule.doc().remediation().isEmpty()) {
            md.append("\n*Remediation:* ").append(Markdown.authored(rule.doc().remediation())).append("\n");
          }
          List<String> fixtures = fixtures(pack, rule.id());
          md.append("\n*Fixtures:* ").append(fixtures.isEmpty() ? "none" : fixtures.stream().map(f -> "`" + f + "`")
              .reduce((a, b) -> a + ", " + b).orElse("")).append("\n");
        }
      }
      CommandOutput.write(spec, output, writer -> writer.write(md.toString()));
      return ExitCode.OK;
    }
  }

  /**
   * Links from the Markdown to the packs' files: relative to the folder it is written to, for the
   * files on disk. A pack in a folder has them; a built-in pack has them only in failmode's own
   * repository (its origin, rules/core, is a folder of it); an archive's or a Maven artifact's
   * content has none to link to, and is named in a code span instead.
   *
   * @param from the folder the Markdown is written to
   * @param cwd the working directory, which a built-in pack's origin is relative to
   */
  record Links(Path from, Path cwd) {
    String to(RulePack pack, String file, int line) {
      Path onDisk = onDisk(pack, file);
      String label = file + (line > 0 ? ":" + line : "");
      if (onDisk == null) {
        return Markdown.code(label);
      }
      String target = from.relativize(onDisk).toString().replace('\\', '/');
      return Markdown.fileLink(label, target.isEmpty() ? "." : target, line);
    }

    private Path onDisk(RulePack pack, String file) {
      Path root = switch (pack.kind()) {
        case FOLDER -> pack.root().toAbsolutePath().normalize();
        case BUILT_IN -> Files.isRegularFile(cwd.resolve(pack.origin()).resolve("pack.yaml")) ? cwd.resolve(pack.origin()).normalize() : null;
        case ARCHIVE, MAVEN -> null;
      };
      if (root == null || from.getRoot() == null || !from.getRoot().equals(root.getRoot())) {
        return null;
      }
      if (file.equals(pack.origin())) {
        return root;
      }
      String prefix = pack.origin() + "/";
      Path path = file.startsWith(prefix) ? root.resolve(file.substring(prefix.length())).normalize() : null;
      return path != null && Files.exists(path) ? path : null;
    }
  }

  /**
   * GitHub's heading anchors, given in the order the headings appear: lower case, punctuation
   * other than '-' and '_' dropped, spaces as '-'; a heading whose anchor an earlier one took gets
   * {@code -1}, {@code -2}... ({@code a/bc-d} and {@code ab/c-d} are both {@code abc-d} at first).
   */
  static final class Anchors {
    private final java.util.Set<String> taken = new java.util.HashSet<>();

    String of(String heading) {
      String slug = heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
      String anchor = slug;
      for (int n = 1; !taken.add(anchor); n++) {
        anchor = slug + "-" + n;
      }
      return anchor;
    }
  }

  /** A rule's fixtures: the file names under its pack's tests/<rule>/ folder. */
  static List<String> fixtures(RulePack pack, String rule) {
    Path dir;
    try {
      dir = dev.failmode.engine.PackLoader.folderOf(pack).resolve("tests").resolve(rule);
    } catch (dev.failmode.engine.PackException e) {
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The rule's DRL: from its 'rule' line to its 'end'. */
  static List<String> drl(RulePack pack, RuleInfo rule) {
    return pack.sources().stream().filter(s -> s.name().equals(rule.source())).findFirst().map(source -> {
      List<String> lines = source.text().lines().toList();
      int start = Math.max(0, rule.line() - 1);
      int end = start;
      while (end < lines.size() && !lines.get(end).strip().equals("end")) {
        end++;
      }
      return lines.subList(start, Math.min(lines.size(), end + 1));
    }).orElse(List.of());
  }
}
