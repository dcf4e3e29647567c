package dev.failmode.report;

import java.io.Writer;

/**
 * A writer into a StringBuilder, for a run of a report rendered on one thread of the pool:
 * StringWriter's StringBuffer takes a lock at every write, for nothing there.
 */
final class TextWriter extends Writer {
  private final StringBuilder text = new StringBuilder(8_192);

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) {
    text.append(string, offset, offset + length);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** How many characters have been written. */
  int length() {
    return text.length();
  }

  /** What has been written from {@code start} on. */
  String from(int start) {
    return text.substring(start);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
