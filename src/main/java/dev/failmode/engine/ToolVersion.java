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

  /**
   * The SHA-256 of failmode's own classes as the build wrote it ({@code src/build/java/PrecompilePacks.java}),
   * or empty for classes that were not built by Maven.
   */
  public static String build() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/failmode/code.sha256")) {
      return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "";
    }
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
