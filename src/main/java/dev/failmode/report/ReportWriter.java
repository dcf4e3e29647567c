package dev.failmode.report;

import dev.failmode.model.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one output format. One implementation per format; see {@link Format}. */
public interface ReportWriter {

  void write(Report report, Writer out) throws IOException;
}
