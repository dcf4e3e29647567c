package dev.failmode.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, if it is close enough to be a typo. */
public final class Suggest {
  private Suggest() {}

  /** The closest of {@code known} to {@code given}, when it is within a typo's distance. */
  public static Optional<String> closest(String given, Collection<String> known) {
    String needle = normalise(given);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(needle, normalise(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int length = normalise(best).length();
    int allowed = length <= 3 ? 1 : length <= 6 ? 2 : 3;
    String candidate = normalise(best);
    boolean prefix = Math.min(needle.length(), candidate.length()) >= 3 && (candidate.startsWith(needle) || needle.startsWith(candidate));
    return bestDistance <= allowed || prefix ? Optional.of(best) : Optional.empty();
  }

  /** {@code ; did you mean 'x'?} or nothing: ready to append to a message. */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  // Case, '-' and '_' differences are typos too: userimpact, user_impact and user-impact all mean userImpact.
  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters is one edit. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 8) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
