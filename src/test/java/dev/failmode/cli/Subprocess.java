package dev.failmode.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real command line: the shaded jar in a JVM of its own, as users and CI run it. */
record Subprocess(int exitCode, String out, String err, boolean timedOut) {

  static Path jar() {
    String jar = System.getProperty("failmode.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("run with 'mvn verify': the integration tests need the shaded jar (failmode.jar=" + jar + ")");
    }
    return Path.of(jar);
  }

  static Subprocess run(Path workingDirectory, Duration timeout, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    return run(workingDirectory, timeout, Map.of(), jvmOptions, args);
  }

  /** As {@link #run(Path, Duration, List, String...)} with {@code environment} added to the test's own. */
  static Subprocess run(Path workingDirectory, Duration timeout, Map<String, String> environment, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return start(workingDirectory, timeout, environment, command);
  }

  /** The jar's main class with {@code extra} on the class path after the jar (test doubles of a library's services). */
  static Subprocess runWith(Path extra, Path workingDirectory, Duration timeout, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(jvmOptions);
    command.add("-cp");
    command.add(jar() + java.io.File.pathSeparator + extra);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return start(workingDirectory, timeout, Map.of(), command);
  }

  private static Subprocess start(Path workingDirectory, Duration timeout, Map<String, String> environment, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    Path out = Files.createTempFile("failmode-out", ".txt");
    Path err = Files.createTempFile("failmode-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("NO_COLOR", "1");
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      return new Subprocess(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), !finished);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
