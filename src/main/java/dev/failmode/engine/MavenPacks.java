package dev.failmode.engine;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule packs published as Maven artifacts, resolved with Maven's own resolver from the local
 * repository and the repositories the user's {@code settings.xml} configures (mirrors, active
 * profiles, server credentials, offline mode), like Maven would. Nothing shells out to
 * {@code mvn}.
 */
final class MavenPacks {
  private static final Logger log = LoggerFactory.getLogger(MavenPacks.class);
  /** {@code group:artifact:version}, optionally {@code group:artifact:extension[:classifier]:version}. */
  static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+){1,3}");
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  private final Path localRepositoryOverride;

  /** @param localRepositoryOverride the local repository to use instead of the settings' one; null for the settings' */
  MavenPacks(Path localRepositoryOverride) {
    this.localRepositoryOverride = localRepositoryOverride;
  }

  static boolean isCoordinate(String spec) {
    return COORDINATE.matcher(spec).matches();
  }

  /** The artifact's file in the local repository, downloaded first if need be. */
  Path resolve(String coordinate) throws PackException {
    Settings settings = settings();
    Path local = localRepositoryOverride != null ? localRepositoryOverride
        : settings.getLocalRepository() != null ? Path.of(settings.getLocalRepository())
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
    if (Files.exists(local) && !Files.isDirectory(local)) {
      throw new PackException(new Problem(Location.of(coordinate), "", "cannot resolve the rule pack: the local Maven repository "
          + local + " is not a folder"));
    }
    RepositorySystem system = new RepositorySystemSupplier().get();
    try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
        .withLocalRepositoryBaseDirectories(local)
        .setOffline(settings.isOffline())
        .setMirrorSelector(mirrors(settings))
        .setAuthenticationSelector(authentication(settings))
        .setSystemProperties(System.getProperties())
        .setConfigProperties(new Properties())
        .build()) {
      List<RemoteRepository> repositories = system.newResolutionRepositories(session, repositories(settings));
      ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(new DefaultArtifact(coordinate), repositories, null));
      Path file = result.getArtifact().getPath();
      log.info("resolved {} to {}", coordinate, file);
      return file;
    } catch (ArtifactResolutionException e) {
      throw new PackException(new Problem(Location.of(coordinate), "", "cannot resolve the rule pack from Maven repositories (local "
          + local + (settings.isOffline() ? ", offline" : "") + "): " + firstLine(e.getMessage())));
    } catch (IllegalArgumentException e) {
      throw new PackException(new Problem(Location.of(coordinate), "", "not a Maven coordinate (group:artifact:version): "
          + e.getMessage()));
    } catch (java.io.UncheckedIOException e) {
      // the resolver's own file work (its lock files, the repository's folders) on a local repository it cannot write
      throw new PackException(new Problem(Location.of(coordinate), "", "cannot resolve the rule pack: the local Maven repository "
          + local + " cannot be used: " + firstLine(e.getMessage())));
    } finally {
      system.shutdown();
    }
  }

  /** The user's and the installation's settings.xml, merged as Maven merges them. */
  private static Settings settings() throws PackException {
    DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
    Path user = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    if (Files.isRegularFile(user)) {
      request.setUserSettingsFile(user.toFile());
    }
    String mavenHome = System.getenv("MAVEN_HOME");
    if (mavenHome != null && Files.isRegularFile(Path.of(mavenHome, "conf", "settings.xml"))) {
      request.setGlobalSettingsFile(Path.of(mavenHome, "conf", "settings.xml").toFile());
    }
    request.setSystemProperties(System.getProperties());
    try {
      return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
    } catch (SettingsBuildingException e) {
      throw new PackException(new Problem(Location.of(user.toString()), "", "cannot read Maven settings: " + firstLine(e.getMessage())));
    }
  }

  /** Maven Central, then the repositories of the active profiles. */
  private static List<RemoteRepository> repositories(Settings settings) {
    List<RemoteRepository> repositories = new ArrayList<>();
    repositories.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
    for (Profile profile : settings.getProfiles()) {
      boolean active = settings.getActiveProfiles().contains(profile.getId())
          || profile.getActivation() != null && profile.getActivation().isActiveByDefault();
      if (active) {
        for (Repository repository : profile.getRepositories()) {
          repositories.add(new RemoteRepository.Builder(repository.getId(), "default", repository.getUrl()).build());
        }
      }
    }
    return repositories;
  }

  private static DefaultMirrorSelector mirrors(Settings settings) {
    DefaultMirrorSelector selector = new DefaultMirrorSelector();
    for (Mirror mirror : settings.getMirrors()) {
      selector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(), mirror.getMirrorOf(),
          mirror.getMirrorOfLayouts());
    }
    return selector;
  }

  private static DefaultAuthenticationSelector authentication(Settings settings) {
    DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
    for (Server server : settings.getServers()) {
      selector.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername()).addPassword(server.getPassword())
          .addPrivateKey(server.getPrivateKey(), server.getPassphrase()).build());
    }
    return selector;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
