package dev.failmode.report;

import dev.failmode.model.Report;
import dev.failmode.policy.Judgement;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What a report format is written from: the report, the policy's judgement of it (formats that
 * speak of pass and fail use it), whether a terminal format may use colour, and where links to
 * the files start from.
 *
 * @param reportFolder the absolute, normalized folder the report is written to, which links to
 *     the files start from; {@code null} for standard output, read from the working directory,
 *     which the report's paths are relative to
 */
public record Rendering(Report report, Judgement judgement, boolean color, Path reportFolder) {

  public Rendering(Report report, Judgement judgement, boolean color) {
    this(report, judgement, color, null);
  }

  public static Rendering plain(Report report, Judgement judgement) {
    return new Rendering(report, judgement, false);
  }

  /**
   * A link's target for {@code file}, a path as the report shows it (relative to the working
   * directory, or absolute): the shortest way from the report's folder, or the absolute path when
   * the report is on another root.
   */
  String linkTo(String file) {
    if (reportFolder == null) {
      return file;
    }
    Path target;
    try {
      target = Path.of("").toAbsolutePath().resolve(file).normalize();
    } catch (InvalidPathException e) {
      return file;
    }
    try {
      return reportFolder.relativize(target).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return target.toString().replace('\\', '/');
    }
  }
}
