package dev.failmode.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 onto a stream, for reports that write their long parts as whole strings (a run of rows,
 * a file's section). A string of at least {@value #LONG} characters is encoded at once by
 * {@link String#getBytes}, which copies a string of ASCII as it is; through a BufferedWriter and
 * an OutputStreamWriter each such string was widened to chars and encoded back char by char on
 * the writing thread, half of what the HTML page's thread did once its runs came rendered. Shorter
 * text is buffered as before, and so is a long string that begins or ends between the two halves
 * of a character, or that follows a first half the encoder holds (it keeps a half until the next
 * char says what it was), so the bytes are the same either way, in the same order. Nothing is flushed to the stream but by {@link #flush}.
 */
final class Utf8Writer extends Writer {
  static final int LONG = 8_192;
  private final OutputStream out;
  private final Writer buffered;
  /** Whether the last char that went the buffered way was the first half of a character: the encoder holds it. */
  private boolean halfHeld;

  Utf8Writer(OutputStream out) {
    this.out = out;
    this.buffered = new BufferedWriter(new OutputStreamWriter(new Unflushed(out), StandardCharsets.UTF_8), 65_536);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    if (length < LONG || halfHeld || Character.isLowSurrogate(text.charAt(offset))
        || Character.isHighSurrogate(text.charAt(offset + length - 1))) {
      buffered.write(text, offset, length);
      halfHeld = length > 0 ? Character.isHighSurrogate(text.charAt(offset + length - 1)) : halfHeld;
      return;
    }
    buffered.flush(); // what came before goes first (into the stream's buffer, not through it)
    String whole = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
    out.write(whole.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    buffered.write(chars, offset, length);
    halfHeld = length > 0 ? Character.isHighSurrogate(chars[offset + length - 1]) : halfHeld;
  }

  @Override
  public void write(int c) throws IOException {
    buffered.write(c);
    halfHeld = Character.isHighSurrogate((char) c);
  }

  @Override
  public void flush() throws IOException {
    buffered.flush();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    buffered.close();
  }

  /** The stream, but for flushing: the buffered text is handed to the stream before each long string, and only {@link #flush} goes through. */
  private static final class Unflushed extends OutputStream {
    private final OutputStream out;

    Unflushed(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
