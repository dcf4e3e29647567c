package dev.failmode.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, if it is close enough to be a typo. */
public final class Suggest {
  private Suggest() {}

  /**
   * The closest of {@code known} to {@code given} among those that could be a typo of it: within
   * one edit of a name of up to 3 letters, two of up to 6, three of longer names; or one a prefix
   * of the other, both at least 3 letters long. Ties go to the earlier of {@code known}.
   */
  public static Optional<String> closest(String given, Collection<String> known) {
    String needle = normalise(given);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      String candidate = normalise(name);
      int distance = prefixes(needle, candidate)
          ? Math.abs(needle.length() - candidate.length())
          : distance(needle, candidate, allowed(candidate));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code ; did you mean 'x'?} or nothing: ready to append to a message. */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  private static int allowed(String candidate) {
    return candidate.length() <= 3 ? 1 : candidate.length() <= 6 ? 2 : 3;
  }

  private static boolean prefixes(String a, String b) {
    return Math.min(a.length(), b.length()) >= 3 && (a.startsWith(b) || b.startsWith(a));
  }

  // Case, '-' and '_' differences are typos too: userimpact, user_impact and user-impact all mean userImpact.
  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /**
   * Damerau-Levenshtein distance (optimal string alignment: a swap of two letters is one edit),
   * or {@link Integer#MAX_VALUE} as soon as it is certain to exceed {@code limit}: a hostile file
   * with a million unknown keys must not cost a full comparison for each.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return Integer.MAX_VALUE;
    }
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    int previousMinimum = 0;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = d;
        rowMinimum = Math.min(rowMinimum, d);
      }
      if (rowMinimum > limit && previousMinimum > limit) {
        return Integer.MAX_VALUE; // every later cell builds on these two rows, so none can come back under the limit
      }
      previousMinimum = rowMinimum;
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()] <= limit ? previous[b.length()] : Integer.MAX_VALUE;
  }
}
