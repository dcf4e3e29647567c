/** The JVM floor for bench/run: the cold start of a minimal Java program, printing one line. */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) {
    System.out.println("floor");
  }
}
