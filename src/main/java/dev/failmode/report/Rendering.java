package dev.failmode.report;

import dev.failmode.model.Report;
import dev.failmode.policy.Judgement;

/**
 * What a report format is written from: the report, the policy's judgement of it (formats that
 * speak of pass and fail use it), and whether a terminal format may use colour.
 */
public record Rendering(Report report, Judgement judgement, boolean color) {

  public static Rendering plain(Report report, Judgement judgement) {
    return new Rendering(report, judgement, false);
  }
}
