package dev.failmode.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** failmode's own version and the Drools version it embeds, as the build recorded them. */
public final class ToolVersion {
  private static final Properties BUILD = load();

  private ToolVersion() {}

  public static String failmode() {
    return BUILD.getProperty("version", "development");
  }

  public static String drools() {
    return BUILD.getProperty("drools", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = ToolVersion.class.getResourceAsStream("/failmode/build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // a build without the file reports itself as a development version
    }
    return properties;
  }
}
