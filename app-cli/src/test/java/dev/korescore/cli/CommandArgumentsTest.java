package dev.korescore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgumentsTest {
  private static boolean isAudit(String... args) {
    return CommandArguments.subcommand(args, Set.of("audit")).isPresent();
  }

  @Test
  void onlyTheAuditCommandIsReRun() {
    assertThat(isAudit("audit", "data.jsonl")).isTrue();
    assertThat(isAudit("--debug", "audit", "--format", "jsonl")).isTrue();
    assertThat(isAudit("fetch", "--out", "audit")).isFalse();
    assertThat(isAudit("demo")).isFalse();
    assertThat(isAudit("--version")).isFalse();
    assertThat(isAudit()).isFalse();
  }

  @Test
  void aSubcommandAfterAnyOtherRootOptionIsNotNamed() {
    assertThat(CommandArguments.subcommand(new String[] {"--help", "audit"}, Set.of("audit", "fetch"))).isEmpty();
    assertThat(CommandArguments.subcommand(new String[] {"--debug", "fetch"}, Set.of("audit", "fetch")))
        .contains("fetch");
  }
}
