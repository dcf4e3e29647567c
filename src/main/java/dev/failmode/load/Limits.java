package dev.failmode.load;

/**
 * Bounds on what one input file may hold, so that a hostile file fails fast with a message
 * rather than exhausting memory or the stack. The defaults load files far larger than any
 * catalogue a team writes by hand (130,000 failure modes fit in 16 MiB).
 *
 * @param maxFileBytes the largest file read, in bytes
 * @param maxDepth the deepest nesting of mappings and sequences; the format itself needs 6
 * @param maxScalarLength the longest single value, in characters
 */
public record Limits(long maxFileBytes, int maxDepth, int maxScalarLength) {

  public static final Limits DEFAULT = new Limits(16L * 1024 * 1024, 64, 65_536);
}
