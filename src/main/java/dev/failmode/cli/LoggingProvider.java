package dev.failmode.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback, configured by {@link LoggingConfigurator} directly: what logback's own provider does,
 * without its auto-configuration. That searches for configuration files and configurators, times
 * itself and sets up a status printer with a date formatter (which reads the time-zone database),
 * about 45 of a cold start's milliseconds, all to arrive at the same configuration.
 * {@link Main#main} chooses this provider unless {@code -Dslf4j.provider} names another; in-process
 * uses (tests, embedding) get logback's own, which finds the same configurator.
 */
public final class LoggingProvider implements SLF4JServiceProvider {
  private LoggerContext context;
  private IMarkerFactory markers;
  private MDCAdapter mdc;

  /** Chooses this provider for the process, unless SLF4J has been told another. */
  static void choose() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", LoggingProvider.class.getName());
      // SLF4J says which provider it loads when one is named; only its warnings belong on stderr
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  @Override
  public void initialize() {
    context = new LoggerContext();
    context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    LoggingConfigurator configurator = new LoggingConfigurator();
    configurator.setContext(context);
    configurator.configure(context);
    context.start();
    markers = new BasicMarkerFactory();
    mdc = new LogbackMDCAdapter();
    context.setMDCAdapter(mdc);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return context;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }
}
