package dev.failmode.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.failmode.budget.ErrorBudget;
import dev.failmode.load.Notation;
import dev.failmode.load.NotationException;
import dev.failmode.model.Budget;
import dev.failmode.model.Frequency;
import dev.failmode.model.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "budget", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "The error-budget arithmetic on its own: the budget an SLO leaves over a window, and what a failure of a given"
            + " duration and frequency uses of it.",
        "",
        "  failmode budget --slo 99.99                      52.56 min a year",
        "  failmode budget --slo 99.9 --window 30d --duration 20m --frequency 2/month"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the arithmetic was printed", "2:bad usage (an SLO over 100, a duration without a unit...)"})
final class BudgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LoggingOptions logging;

  @Option(names = "--slo", required = true, paramLabel = "PERCENT", description = "The SLO target: 99.99 or 99.99%%.")
  String slo;

  @Option(names = "--window", paramLabel = "Nd", defaultValue = "365d", description = "The SLO window in days (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--duration", paramLabel = "DURATION", description = "How long one occurrence lasts: 30s, 5m, 2h, 1d.")
  String duration;

  @Option(names = "--frequency", paramLabel = "N/PERIOD",
      description = "How often it happens: N/year, N/month, N/week or N/day (default: once per window).")
  String frequency;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws UserError, IOException {
    BigDecimal target = parse("--slo", () -> Notation.target(slo));
    int days = parse("--window", () -> Notation.window(window));
    Duration occurrence = duration == null ? null : parse("--duration", () -> Notation.duration(duration));
    Frequency often = frequency == null ? null : parse("--frequency", () -> Notation.frequency(frequency));
    if (often != null && occurrence == null) {
      throw new UserError("--frequency needs --duration: the budget a failure uses is its duration times how often it happens");
    }
    format = format.trim().toLowerCase(java.util.Locale.ROOT); // as the report formats take JSON or Json
    if (!format.equals("text") && !format.equals("json")) {
      throw new UserError("--format is text or json, not '" + format + "'");
    }
    BigDecimal budgetMinutes = ErrorBudget.budgetMinutes(target, days);
    Budget use = occurrence == null ? null : ErrorBudget.use(target, days, occurrence, often);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      json(out, target, days, budgetMinutes, use);
    } else {
      text(out, target, days, budgetMinutes, use);
    }
    out.flush();
    return ExitCode.OK;
  }

  private static void text(PrintWriter out, BigDecimal target, int days, BigDecimal budgetMinutes, Budget use) {
    out.println("SLO " + Text.target(target) + "% over " + days + "d");
    out.println("error budget: (100% - " + Text.target(target) + "%) x " + days + "d (" + days * 1440 + " min) = "
        + Text.minutes(budgetMinutes));
    if (use != null) {
      out.println("one occurrence: " + Text.duration(use.duration()) + " = " + Text.minutes(use.minutesPerOccurrence()) + ", "
          + Text.percent(use.occurrenceShare()) + " of the budget");
      out.println("per window: " + use.arithmetic());
    }
  }

  private static void json(PrintWriter out, BigDecimal target, int days, BigDecimal budgetMinutes, Budget use) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      json.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
          .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
          .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));
      json.writeStartObject();
      json.writeNumberField("target", target);
      json.writeNumberField("windowDays", days);
      json.writeNumberField("budgetMinutes", Text.rounded(budgetMinutes));
      if (use != null) {
        json.writeNumberField("minutesPerOccurrence", Text.rounded(use.minutesPerOccurrence()));
        json.writeNumberField("occurrencesPerWindow", Text.rounded(use.occurrencesPerWindow()));
        json.writeBooleanField("frequencyAssumed", use.frequencyAssumed());
        json.writeNumberField("minutesPerWindow", Text.rounded(use.minutesPerWindow()));
        json.writeNumberField("occurrenceShare", Text.rounded(use.occurrenceShare()));
        json.writeNumberField("share", Text.rounded(use.share()));
      }
      json.writeEndObject();
    }
    out.println();
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(String option, Parse<T> parse) throws UserError {
    try {
      return parse.get();
    } catch (NotationException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
  }
}
