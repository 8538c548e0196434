package dev.korescore.cli.audit;

import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.SimulatorFixture;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code korescore audit --from/--to}: fetch from the simulator over loopback HTTP and audit in one go. */
class AuditFromKoreTest {
  @RegisterExtension
  static final SimulatorFixture kore = SimulatorFixture.generated(
      InteractionGenerator.builder().seed(23).count(300).discrepancyShare(0.1).build());

  static InteractionGenerator generator;
  static KoreSimulator sim;

  @TempDir Path dir;
  Path profile;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void shortNames() {
    generator = kore.generator();
    sim = kore.sim();
  }

  @BeforeEach
  void writeProfile() throws IOException {
    profile = kore.profile(dir);
  }

  int korescore(String... args) {
    return CliRun.korescore(out, err, args);
  }

  @Test
  void fetchesAuditsAndReportsEveryPlantedDiscrepancyInOnePass() throws IOException {
    sim.faults().next(Fault.status(500));
    Path rows = dir.resolve("audit.jsonl");
    Path report = dir.resolve("report.html");

    int code = korescore("audit", "--from", "2024-07-15", "--to", "2024-07-22", "--profile", profile.toString(),
        "--rate", "0", "--page-size", "50", "--format", "jsonl", "--out", rows.toString(), "--report", report.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MISMATCH);
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(rows, StandardCharsets.UTF_8)) {
      lines.add(mapper.readTree(line));
    }
    assertThat(lines).hasSize(300);
    Set<String> problems = lines.stream()
        .filter(l -> !l.get("verdict").asText().equals("MATCH") && !l.get("verdict").asText().equals("NOT_AUDITABLE"))
        .map(l -> l.get("conversationId").asText())
        .collect(Collectors.toSet());
    Set<String> planted = generator.stream().filter(GeneratedInteraction::isPlanted)
        .map(g -> g.conversationId().value()).collect(Collectors.toSet());
    assertThat(planted).isNotEmpty();
    assertThat(problems).isEqualTo(planted);

    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("<svg").contains(sim.baseUrl());
    assertThat(out.toString() + err.toString() + html).doesNotContain(sim.clientSecret());
  }

  @Test
  void fromWithoutToIsAUsageError() {
    assertThat(korescore("audit", "--from", "2024-07-15", "--profile", profile.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--from and --to go together");
  }

  @Test
  void filesAndAFetchRangeAreExclusive() {
    assertThat(korescore("audit", "--from", "2024-07-15", "--to", "2024-07-16", "some.jsonl")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
  }

  @Test
  void aWrongSecretIsAnAuthenticationErrorWithoutTheSecret() throws IOException {
    Path wrong = dir.resolve("wrong.txt");
    String secret = "not-the-secret-but-long-enough-for-hs256-0123456789";
    Files.writeString(wrong, secret);
    int code = korescore("audit", "--from", "2024-07-15", "--to", "2024-07-16", "--profile", profile.toString(),
        "--client-secret-file", wrong.toString(), "--rate", "0");
    assertThat(code).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("401").doesNotContain(secret).doesNotContain("\tat ");
  }

  @Test
  void aServerThatKeepsFailingExitsFourWithoutAResumeHintAuditHasNoResume() {
    sim.faults().next(20, Fault.status(500));
    RetryPolicy quick = RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5)).withMaxAttempts(2);
    AuditCommand audit = new AuditCommand(JacksonInteractionReaderAdapter::create, Map.of(), quick);
    int code = CliRun.command(audit, out, err).execute("--from", "2024-07-15", "--to", "2024-07-16",
        "--profile", profile.toString(), "--rate", "0");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(err.toString()).contains("HTTP 500").doesNotContain("--resume").doesNotContain("\tat ");
  }
}
