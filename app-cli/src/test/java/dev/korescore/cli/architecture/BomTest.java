package dev.korescore.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.architecture.PublishedModules.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BOM publishes every jar the reactor builds, at the reactor's version, and each jar has a module name. */
class BomTest {

  @Test
  void bomListsEveryJarModuleOfTheReactorAndNothingElse() {
    List<String> jars = PublishedModules.reactor().stream().filter(Module::isJar).map(Module::artifactId).toList();

    assertThat(PublishedModules.bomArtifacts())
        .as("bom/pom.xml must list every jar module the root pom.xml builds (add a new module there)")
        .containsExactlyInAnyOrderElementsOf(jars);
  }

  @Test
  void bomVersionIsTheReactorVersion() {
    assertThat(PublishedModules.version(PublishedModules.bom()))
        .as("bom/pom.xml has no parent: keep its <version> equal to the root pom.xml's")
        .isEqualTo(PublishedModules.version(PublishedModules.read(PublishedModules.ROOT.resolve("pom.xml"))));
  }

  @Test
  void everyJarModuleNamesItsJavaModuleAfterItsPackageRoot() {
    for (Module module : PublishedModules.reactor()) {
      if (module.isJar()) {
        assertThat(module.moduleName())
            .as("%s/pom.xml: korescore.module.name (the jar's Automatic-Module-Name)", module.directory())
            .hasValueSatisfying(name -> assertThat(module.path().resolve("src/main/java").resolve(name.replace('.', '/')))
                .as("the package root %s of %s", name, module.directory())
                .isDirectory());
      }
    }
  }
}
