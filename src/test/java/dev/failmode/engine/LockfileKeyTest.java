package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One pack, one key in the lock, however its source is written. */
class LockfileKeyTest {
  private static final Path BASE = Path.of("/home/ci/project");

  @Test
  void anArchiveIsKeyedByItsPathFromTheLocksFolder() {
    assertThat(Lockfile.key("team.zip", BASE)).isEqualTo("team.zip");
    assertThat(Lockfile.key("./team.zip", BASE)).isEqualTo("team.zip");
    assertThat(Lockfile.key("sub/../team.zip", BASE)).isEqualTo("team.zip");
    assertThat(Lockfile.key("/home/ci/project/team.zip", BASE)).isEqualTo("team.zip");
    assertThat(Lockfile.key("packs/team.zip", BASE)).isEqualTo("packs/team.zip");
    assertThat(Lockfile.key("../shared/team.zip", BASE)).isEqualTo("../shared/team.zip");
    assertThat(Lockfile.key("/home/ci/shared/team.zip", BASE)).isEqualTo("../shared/team.zip");
  }

  @Test
  void aMavenCoordinateWithTheDefaultPackagingIsTheShortOne() {
    assertThat(Lockfile.key("com.example:team:jar:1.2.0", BASE)).isEqualTo("com.example:team:1.2.0");
    assertThat(Lockfile.key("com.example:team:1.2.0", BASE)).isEqualTo("com.example:team:1.2.0");
    assertThat(Lockfile.key("com.example:team:zip:1.2.0", BASE)).isEqualTo("com.example:team:zip:1.2.0");
  }
}
