package dev.korescore.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-job pieces every writing command shares: replace-on-commit, the same-file check, the lock. */
class OutputSafetyTest {
  @TempDir Path dir;

  @Test
  void aReplacingFileChangesTheTargetOnlyOnCommit() throws IOException {
    Path target = dir.resolve("rows.csv");
    Files.writeString(target, "previous");
    try (ReplacingFile file = ReplacingFile.begin(target)) {
      try (OutputStream out = file.open()) {
        out.write("half".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(Files.readString(target)).isEqualTo("previous");
    }
    assertThat(Files.readString(target)).as("closed without a commit").isEqualTo("previous");
    try (ReplacingFile file = ReplacingFile.begin(target)) {
      try (OutputStream out = file.open()) {
        out.write("whole".getBytes(StandardCharsets.UTF_8));
      }
      file.commit();
    }
    assertThat(Files.readString(target)).isEqualTo("whole");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aDeviceIsWrittenAsItIsNeverReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull),
        "a system with the device /dev/null");
    try (ReplacingFile file = ReplacingFile.begin(devNull)) {
      try (OutputStream out = file.open()) {
        out.write("rows".getBytes(StandardCharsets.UTF_8));
      }
      file.commit();
    }
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Files.size(devNull)).isZero();
  }

  @Test
  void outputsMayNotBeInputsThroughLinksNorDirectoriesNorEachOther() throws IOException {
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{}\n");
    Files.createDirectories(dir.resolve("sub"));
    Path linkedDir = Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("sub"));
    Path viaLinkedDir = Files.writeString(linkedDir.resolve("x.jsonl"), "{}\n");
    assertThatThrownBy(() -> OutputTargets.check().input(input).output("--out", dir.resolve("sub/../in.jsonl")).verify())
        .isInstanceOf(CliException.class).hasMessageContaining("is the input");
    assertThatThrownBy(() -> OutputTargets.check().input(dir.resolve("sub/x.jsonl")).output("--out", viaLinkedDir).verify())
        .hasMessageContaining("is the input");
    assertThatThrownBy(() -> OutputTargets.check().output("--out", dir.resolve("new"))
        .output("--report", dir.resolve("linked/../new")).verify()).hasMessageContaining("are the same file");
    assertThatThrownBy(() -> OutputTargets.check().output("--out", linkedDir).verify()).hasMessageContaining("is a directory");
    OutputTargets.check().input(input).input(Path.of("-")).output("--out", Path.of("-"))
        .output("--report", dir.resolve("report.html")).verify();
  }

  @Test
  void aSecondLockInTheSameProcessIsRefusedAndTheFirstKeepsIt() throws IOException {
    Path out = dir.resolve("kore.jsonl");
    try (OutputLock lock = OutputLock.acquire(out)) {
      assertThat(lock.output()).isEqualTo(out);
      assertThatThrownBy(() -> OutputLock.acquire(out)).isInstanceOf(CliException.class)
          .hasMessage(out + " is being written by another korescore process (pid " + ProcessHandle.current().pid() + ")");
      assertThat(Files.readString(OutputLock.lockFileOf(out)).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
    assertThat(OutputLock.lockFileOf(out)).doesNotExist();
    OutputLock.acquire(out).close();
  }
}
