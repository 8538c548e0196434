package dev.korescore.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.KorescoreCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BoundedHeapTest {
  private static final Path JAR = Path.of("/opt/korescore/korescore-app-cli-all.jar");
  private static final long SIX_GB = 6L << 30;
  private static final Supplier<List<String>> NO_OPTIONS = List::of;

  @Test
  void aJarRunWithTheDefaultHeapOfABigMachineRelaunches() {
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), NO_OPTIONS, SIX_GB, null)).isTrue();
  }

  @Test
  void anExplicitHeapOrAnOptOutOrASmallHeapDoesNot() {
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), () -> List.of("-Xmx2g"), SIX_GB, null))
        .isFalse();
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), () -> List.of("-XX:MaxRAMPercentage=10"),
        SIX_GB, null)).isFalse();
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), NO_OPTIONS, SIX_GB, "false")).isFalse();
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), NO_OPTIONS, 256L << 20, null)).isFalse();
  }

  @Test
  void theJvmsArgumentsAreAskedForOnlyWhenNothingElseDecides() {
    // reading them loads the management classes: the launcher's runs (the property set) never pay for that
    Supplier<List<String>> unasked = () -> {
      throw new AssertionError("the JVM's arguments were asked for");
    };
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), unasked, SIX_GB, "true")).isFalse();
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.of(JAR), unasked, 256L << 20, null)).isFalse();
    assertThat(BoundedHeap.shouldRelaunch("/a.jar:/b.jar", Optional.of(Path.of("/a.jar")), unasked, SIX_GB, null))
        .isFalse();
  }

  @Test
  void theBoundedCommandsAreTheOnesThatStreamAndEachIsACommand() {
    // one list, read by Main and by the korescore launcher: a misspelt line would leave a command unbounded
    assertThat(BoundedHeap.COMMANDS).containsExactlyInAnyOrder("audit", "whatif", "sync", "export");
    assertThat(KorescoreCommand.newCommandLine().getSubcommands().keySet()).containsAll(BoundedHeap.COMMANDS);
  }

  @Test
  void classesOutsideTheLaunchedJarDoNot() {
    // tests, IDEs and other class paths: the code does not come from the jar that was launched
    assertThat(BoundedHeap.shouldRelaunch("/tmp/surefirebooter.jar", Optional.of(Path.of("/work/target/classes")),
        NO_OPTIONS, SIX_GB, null)).isFalse();
    assertThat(BoundedHeap.shouldRelaunch("/a.jar:/b.jar", Optional.of(Path.of("/a.jar")), NO_OPTIONS, SIX_GB, null))
        .isFalse();
    assertThat(BoundedHeap.shouldRelaunch(JAR.toString(), Optional.empty(), NO_OPTIONS, SIX_GB, null)).isFalse();
  }

  @Test
  void theChildGetsABoundedHeapAndTheSameArguments() {
    assertThat(BoundedHeap.command("/usr/bin/java", JAR, List.of("-Dx=1"), List.of("audit", "-")))
        .containsExactly("/usr/bin/java", "-Dx=1", "-XX:+IgnoreUnrecognizedVMOptions", "-Xmx256m", "-Xmn96m", "-XX:+UseSerialGC",
            "-XX:FreqInlineSize=50", "-Dkorescore.boundedHeap=true", "-cp", JAR.toString(), "dev.korescore.cli.Main", "audit", "-");
    assertThat(BoundedHeap.command("/usr/bin/java", JAR, List.of("-XX:+UseG1GC"), List.of("audit")))
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(BoundedHeap.command("/usr/bin/java", JAR, List.of("-XX:FreqInlineSize=200"), List.of("audit")))
        .contains("-XX:FreqInlineSize=200")
        .doesNotContain("-XX:FreqInlineSize=50");
  }

  @Test
  void aSyncChildGetsTheSmallerSyncHeapAfterTheSharedOptions() {
    List<String> sync = BoundedHeap.command("/usr/bin/java", JAR, List.of(), List.of("--debug", "sync", "--rate", "0"));
    assertThat(sync).containsSubsequence("-Xmx256m", "-Xmn96m", "-XX:+UseSerialGC", "-Xmx64m", "-Xmn24m", "-cp",
        JAR.toString(), "dev.korescore.cli.Main", "--debug", "sync", "--rate", "0");
    assertThat(BoundedHeap.command("/usr/bin/java", JAR, List.of(), List.of("audit", "sync")))
        .doesNotContain("-Xmx64m");
  }
}
