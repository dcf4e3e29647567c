package dev.failmode.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/** Writes a report in one output format. One implementation per format; see {@link Format}. */
public interface ReportWriter {

  void write(Rendering rendering, Writer out) throws IOException;

  /**
   * Writes the report as UTF-8 bytes, as it goes to a file. The same text as {@link #write(Rendering,
   * Writer)}; a format may write bytes directly where that is quicker.
   */
  default void write(Rendering rendering, OutputStream out) throws IOException {
    Writer writer = new Utf8Writer(out);
    write(rendering, writer);
    writer.flush();
  }
}
