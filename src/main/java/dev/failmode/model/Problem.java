package dev.failmode.model;


/**
 * One thing wrong with an input file or a rule pack: where (file:line:column), at which YAML path, and a
 * message that says what was expected. Loading collects every problem; only the CLI turns them
 * into exit codes. Rule packs that fail to compile are reported the same way.
 *
 * @param path the YAML path, e.g. {@code components[0].failureModes[2].effect}; empty for the document
 */
public record Problem(Location location, String path, String message) implements Comparable<Problem> {

  @Override
  public int compareTo(Problem other) {
    int byLocation = location.compareTo(other.location);
    return byLocation != 0 ? byLocation : message.compareTo(other.message);
  }

  /** {@code file:line:column: path: message}, as compilers print them. */
  @Override
  public String toString() {
    return location + ": " + detail();
  }

  /** {@code path: message}, or the message alone for the document: what follows the location. */
  public String detail() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
