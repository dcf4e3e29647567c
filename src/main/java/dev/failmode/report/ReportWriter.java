package dev.failmode.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one output format. One implementation per format; see {@link Format}. */
public interface ReportWriter {

  void write(Rendering rendering, Writer out) throws IOException;
}
