package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void authoredTextKeepsItsMarkdownAndCodeSpansButNotHtml() {
    assertThat(Markdown.authored("run *it* with <flags> & `-c <config>`")).isEqualTo("run *it* with &lt;flags&gt; &amp; `-c <config>`");
    assertThat(Markdown.authored("``a ` <b>`` then <c>")).isEqualTo("``a ` <b>`` then &lt;c&gt;");
    assertThat(Markdown.authored("an ` unclosed <d>")).isEqualTo("an ` unclosed &lt;d&gt;");
    assertThat(Markdown.authored(null)).isEmpty();
  }

  @Test
  void authoredCellsStayOnOneLineAndInTheirCell() {
    assertThat(Markdown.authoredCell("a | b\n  c <d>")).isEqualTo("a \\| b c &lt;d&gt;");
  }
}
