package dev.failmode.load;

import static dev.failmode.load.Shape.Field.optional;
import static dev.failmode.load.Shape.Field.required;

import dev.failmode.load.Shape.Type;
import java.util.List;

/** The shapes of failmode's own files beside failure-mode files: the project file and the lock file. */
public final class ProjectShapes {
  public static final String PROJECT_KIND = "Project";
  public static final String LOCK_KIND = "Lock";

  static final Shape DISABLED = new Shape("disabled rule", "A rule the project switches off, visibly.", List.of(
      required("rule", Type.TEXT, "The rule's full id, pack/rule: core/bake-new-software."),
      required("by", Type.TEXT, "Who decided: reports show it."),
      required("reason", Type.TEXT, "Why the project disagrees with the rule: reports show it.")));

  /** {@code failmode.yaml}: the packs a project runs and how. */
  public static final Shape PROJECT = new Shape("project file", "failmode.yaml: the rule packs a project runs and how.", List.of(
      required("apiVersion", Type.CONSTANT, "The format version.").of(FormatV1.SUPPORTED_API_VERSIONS),
      required("kind", Type.CONSTANT, "The kind of document.").of(List.of(PROJECT_KIND)),
      optional("packs", Type.TEXT_LIST, "Rule packs: built-in ids, folders or archives (relative to this file), Maven coordinates."),
      optional("trust", Type.TEXT_LIST, "Ids of packs whose DRL skips the safety check: only packs you have reviewed."),
      optional("parameters", Type.SCALAR_MAP, "Pack parameters: pack.name (or name) to value, as --set takes them."),
      optional("disabled", Type.LIST, "Rules the project switches off, each with who and why.").of(DISABLED),
      optional("failOn", Type.TEXT_LIST, "What check fails on: open-not-ok, unclassified, claim-contradicted, expired-waiver,"
          + " over-budget, or none.")));

  static final Shape LOCKED = new Shape("locked pack", "A pack pinned to its content.", List.of(
      required("source", Type.TEXT, "How the pack is named: an archive's path or a Maven coordinate."),
      required("id", Type.KEBAB_ID, "The pack's id."),
      required("version", Type.TEXT, "The pack's version."),
      required("sha256", Type.TEXT, "The SHA-256 of the archive.")));

  /** {@code failmode.lock}: each non-local pack's version and digest. */
  public static final Shape LOCK = new Shape("lock file", "failmode.lock: the non-local packs a project runs, pinned.", List.of(
      required("apiVersion", Type.CONSTANT, "The format version.").of(FormatV1.SUPPORTED_API_VERSIONS),
      required("kind", Type.CONSTANT, "The kind of document.").of(List.of(LOCK_KIND)),
      optional("packs", Type.LIST, "The pinned packs.").of(LOCKED)));

  private ProjectShapes() {}
}
