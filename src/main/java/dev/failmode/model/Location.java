package dev.failmode.model;

import java.util.Objects;

/**
 * Where something was written: a file as shown to users (relative to the working directory,
 * with forward slashes), a 1-based line, and a 1-based column (0 where unknown).
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public int compareTo(Location other) {
    // the locations of one file share its name: the same string needs no comparing
    int byFile = file == other.file ? 0 : file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }

  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Location other
        && Objects.equals(file, other.file)
        && line == other.line
        && column == other.column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column);
  }
}
