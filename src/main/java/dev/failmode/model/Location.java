package dev.failmode.model;

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
    int byFile = file.compareTo(other.file);
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
}
