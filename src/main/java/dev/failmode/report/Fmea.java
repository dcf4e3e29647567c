package dev.failmode.report;

import dev.failmode.model.FailureMode;
import dev.failmode.model.UserImpact;
import java.math.BigDecimal;

/**
 * FMEA ratings of a failure mode, from 1 (best) to 10 (worst), and their product, the risk
 * priority number. Each is null where the file does not say enough to rate it.
 *
 * <ul>
 *   <li>severity: wrong data 10, user impact outage 8, degraded 5, none 2;
 *   <li>occurrence, per year: weekly or more 10, monthly or more 8, quarterly or more 6, yearly or
 *       more 4, less often 2;
 *   <li>detection: silent 10, hours 7, minutes 4, immediate 2.
 * </ul>
 */
record Fmea(Integer severity, Integer occurrence, Integer detection) {

  static Fmea of(FailureMode mode) {
    Integer severity = mode.effect() != null && mode.effect().isWrongData() ? Integer.valueOf(10)
        : mode.userImpact() == null ? null
        : mode.userImpact() == UserImpact.OUTAGE ? 8 : mode.userImpact() == UserImpact.DEGRADED ? 5 : 2;
    Integer occurrence = null;
    if (mode.frequency() != null) {
      BigDecimal perYear = mode.frequency().count().multiply(switch (mode.frequency().per()) {
        case YEAR -> BigDecimal.ONE;
        case MONTH -> BigDecimal.valueOf(12);
        case WEEK -> BigDecimal.valueOf(52);
        case DAY -> BigDecimal.valueOf(365);
      });
      occurrence = perYear.compareTo(BigDecimal.valueOf(52)) >= 0 ? 10 : perYear.compareTo(BigDecimal.valueOf(12)) >= 0 ? 8
          : perYear.compareTo(BigDecimal.valueOf(4)) >= 0 ? 6 : perYear.compareTo(BigDecimal.ONE) >= 0 ? 4 : 2;
    }
    Integer detection = mode.detection() == null ? null : switch (mode.detection()) {
      case SILENT -> 10;
      case HOURS -> 7;
      case MINUTES -> 4;
      case IMMEDIATE -> 2;
    };
    return new Fmea(severity, occurrence, detection);
  }

  /** severity x occurrence x detection, or null if any is unknown. */
  Integer rpn() {
    return severity == null || occurrence == null || detection == null ? null : severity * occurrence * detection;
  }
}
