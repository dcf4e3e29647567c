package dev.failmode.load;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads any of failmode's own YAML files (a rule pack's {@code pack.yaml}, a project's
 * {@code failmode.yaml}, a pack test's expectations) against a {@link Shape}, with the same
 * strictness, limits and located problems as failure-mode files.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /**
   * A document validated against a shape.
   *
   * @param values null when the document could not be read at all
   */
  public record Document(Values values, List<Problem> problems) {
    public boolean ok() {
      return values != null && problems.isEmpty();
    }
  }

  public static Document read(Path path, String display, Shape shape) {
    try {
      long size = Files.size(path);
      if (size > Limits.DEFAULT.maxFileBytes()) {
        return failed(new Problem(new Location(display, 1, 1), "", String.format(Locale.ROOT, "the file is %.1f MiB, too large to read",
            size / 1048576.0)));
      }
      return read(Files.readAllBytes(path), display, shape);
    } catch (IOException e) {
      return failed(new Problem(Location.of(display), "", "cannot read: " + e.getMessage()));
    }
  }

  public static Document read(byte[] bytes, String display, Shape shape) {
    SourceText.Decoded decoded = SourceText.decode(bytes, display);
    if (decoded.problem() != null) {
      return failed(decoded.problem());
    }
    TreeReader.Read tree = TreeReader.read(decoded.text(), display, Limits.DEFAULT, shape);
    Problems problems = tree.problems();
    if (tree.root() == null) {
      return new Document(null, problems.listed());
    }
    if (!(tree.root() instanceof Node.Mapping mapping)) {
      problems.add(new Problem(new Location(display, tree.root().line(), tree.root().column()), "",
          "expected a mapping (" + String.join(", ", shape.keys()) + "), found " + tree.root().describe()));
      return new Document(null, problems.listed());
    }
    Values values = new ShapeReader(display, problems).read(mapping, shape, "");
    return new Document(values, problems.listed());
  }

  private static Document failed(Problem problem) {
    return new Document(null, List.of(problem));
  }
}
