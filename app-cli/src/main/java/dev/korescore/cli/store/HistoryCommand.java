package dev.korescore.cli.store;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.StoredVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code korescore history --store S ID}: every version of one interaction and what changed. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Every version of one interaction the store has seen: when, Kore's score and pass flag, what changed"
        + " (new, re-scored, audit added, answers changed, other) and which metric answers.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The interaction's history was printed.",
      "2:Usage error, the store cannot be opened, or it has never seen the interaction."
    })
public final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "STORE", description = "A DuckDB file or jdbc:postgresql://HOST/DB.")
  String store;

  @Parameters(paramLabel = "CONVERSATION_ID", description = "The conversation id.")
  String conversationId;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConversationId id;
    try {
      id = ConversationId.of(conversationId);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    List<StoredVersion> versions;
    String location;
    try (ReadInteractionStorePort reader = Stores.openReader(store)) {
      versions = reader.history(id);
      location = reader.location();
    }
    if (versions.isEmpty()) {
      throw CliException.usage("the store " + location + " has never seen conversation " + id);
    }
    out.printf("Conversation %s: %d version%s in %s%n", id, versions.size(), versions.size() == 1 ? "" : "s", location);
    StoredVersion previous = null;
    for (StoredVersion v : versions) {
      StringBuilder line = new StringBuilder()
          .append("  v").append(v.version()).append("  ").append(v.observedAt()).append("  ")
          .append(v.change().words()).append(": Kore score ").append(score(v.koreScore()));
      if (previous != null && !previous.koreScore().equals(v.koreScore())) {
        line.append(" (was ").append(score(previous.koreScore())).append(')');
      }
      line.append(", ").append(v.passed().map(p -> p ? "passed" : "failed").orElse("no pass flag"));
      if (previous != null && !previous.passed().equals(v.passed())) {
        line.append(" (was ").append(previous.passed().map(p -> p ? "passed" : "failed").orElse("none")).append(')');
      }
      out.println(line);
      for (String answer : v.changedAnswers()) {
        out.println("        " + answer);
      }
      previous = v;
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String score(OptionalInt score) {
    return score.isPresent() ? Integer.toString(score.getAsInt()) : "not evaluated";
  }
}
