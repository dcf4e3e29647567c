package dev.failmode.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Standard output that remembers why writing to it failed. A {@link PrintWriter} (and
 * {@code System.out}) swallows the error, so a report written to a full disk
 * ({@code check -f sarif > out.sarif}) ended truncated with the gate's exit code as if it had been
 * written. The first failure is kept, and nothing more is attempted after it.
 */
final class StandardOutput extends OutputStream {
  private final OutputStream out;
  private IOException failure;

  StandardOutput() {
    this(new FileOutputStream(FileDescriptor.out));
  }

  StandardOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      out.flush();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * The run's exit code once its output is flushed: {@code code} when everything was written, or
   * when the reader went away (a closed pipe: {@code failmode classify | head} is not an error of
   * the run's); else 2, with the reason on {@code err}.
   */
  int exitCode(int code, PrintWriter out, PrintWriter err) {
    out.flush();
    if (failure == null || dev.failmode.report.AtomicOutput.brokenPipe(failure)) {
      return code;
    }
    err.println("failmode: cannot write the output to standard output: "
        + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
    err.flush();
    return ExitCode.BAD_INPUT;
  }
}
