package dev.failmode.report;

import dev.failmode.model.Report;
import dev.failmode.policy.Judgement;

/**
 * What a report format is written from: the report, the policy's judgement of it (formats that
 * speak of pass and fail use it), whether a terminal format may use colour, and where links to
 * the files start from.
 *
 * @param toWorkingDirectory the way from the folder the report is written to back to the working
 *     directory, which the report's paths are relative to ({@code ..} for a report written to
 *     {@code docs/review.md}); empty for standard output, read from the working directory
 */
public record Rendering(Report report, Judgement judgement, boolean color, String toWorkingDirectory) {

  public Rendering(Report report, Judgement judgement, boolean color) {
    this(report, judgement, color, "");
  }

  public static Rendering plain(Report report, Judgement judgement) {
    return new Rendering(report, judgement, false);
  }

  /** A link's target for {@code file}, a path as the report shows it: relative to where the report is. */
  String linkTo(String file) {
    if (toWorkingDirectory.isEmpty()) {
      return file;
    }
    try {
      java.nio.file.Path path = java.nio.file.Path.of(file);
      return path.isAbsolute() ? file : java.nio.file.Path.of(toWorkingDirectory).resolve(path).normalize().toString().replace('\\', '/');
    } catch (java.nio.file.InvalidPathException e) {
      return file;
    }
  }
}
