package dev.failmode.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes a report in one output format. One implementation per format; see {@link Format}. */
public interface ReportWriter {

  void write(Rendering rendering, Writer out) throws IOException;

  /**
   * Writes the report as UTF-8 bytes, as it goes to a file. The same text as {@link #write(Rendering,
   * Writer)}; a format may write bytes directly where that is quicker.
   */
  default void write(Rendering rendering, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
    write(rendering, writer);
    writer.flush();
  }
}
