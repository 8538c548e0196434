package dev.korescore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users run: {@code java -jar korescore-app-cli-*-all.jar ...} in a real JVM (Failsafe, after the
 * package phase). Covers what tests on the class path cannot: the manifest's main class, {@code Main}'s
 * re-run of {@code audit} in a bounded child JVM with its flags, and exit codes through the process.
 */
class ShadedJarIT {
  private static Path jar;

  @TempDir Path dir;

  @BeforeAll
  static void findTheJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("korescore-app-cli-.*-all\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no shaded jar in target/: run mvn verify"));
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private Path input() throws IOException {
    Path file = dir.resolve("two.jsonl");
    Files.writeString(file,
        "{\"conversationId\":\"c-ok\",\"Kore Evaluation Score\":40,\"Pass Score\":50,\"IsPassed\":false,"
            + "\"Metrics\":[{\"Metric Name\":\"A\",\"Metric Weight\":10,\"Qualification\":\"YES\"},"
            + "{\"Metric Name\":\"B\",\"Metric Weight\":15,\"Qualification\":\"NO\"}]}\n"
            + "{\"conversationId\":\"c-off\",\"Kore Evaluation Score\":90,"
            + "\"Metrics\":[{\"Metric Name\":\"A\",\"Metric Weight\":10,\"Qualification\":\"YES\"},"
            + "{\"Metric Name\":\"B\",\"Metric Weight\":15,\"Qualification\":\"NO\"}]}\n");
    return file;
  }

  private static long flagLines(String out) {
    return out.lines().filter(line -> line.startsWith("-XX:")).count();
  }

  @Test
  void auditReRunsInABoundedTunedChildJvmAndKeepsItsResultAndExitCode() throws Exception {
    Path rows = dir.resolve("rows.jsonl");

    Run run = run(List.of("-XX:+PrintCommandLineFlags"), "audit", "--format", "jsonl", "--out", rows.toString(),
        input().toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(Files.readAllLines(rows)).hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("{\"conversationId\":\"c-ok\",\"verdict\":\"MATCH\""))
        .anySatisfy(line -> assertThat(line).startsWith("{\"conversationId\":\"c-off\",\"verdict\":\"SCORE_MISMATCH\""));
    assertThat(run.err()).contains("korescore audit: 2 interactions, 1 match, 1 score mismatch");
    boolean unbounded = Runtime.getRuntime().maxMemory() > (512L << 20); // this JVM has no -Xmx either
    if (unbounded) {
      // -XX:+PrintCommandLineFlags is passed on: the parent's flags, then the child's
      assertThat(flagLines(run.out())).isEqualTo(2);
      String child = run.out().lines().filter(line -> line.startsWith("-XX:")).skip(1).findFirst().orElseThrow();
      assertThat(child).contains("-XX:MaxHeapSize=268435456", "-XX:FreqInlineSize=50", "-XX:+UseSerialGC");
    } else {
      assertThat(flagLines(run.out())).isEqualTo(1);
    }
  }

  @Test
  void whatifReRunsInTheBoundedChildJvmToo() throws Exception {
    Path rows = dir.resolve("whatif.jsonl");

    Run run = run(List.of("-XX:+PrintCommandLineFlags"), "whatif", "--weight", "B=0", "--format", "jsonl", "--out",
        rows.toString(), input().toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(1); // c-ok passes once B weighs nothing
    assertThat(Files.readAllLines(rows)).containsExactly(
        "{\"conversationId\":\"c-ok\",\"scoreBefore\":40,\"passedBefore\":false,\"scoreAfter\":100,"
            + "\"passedAfter\":true,\"flip\":\"FAIL_TO_PASS\",\"agents\":[],\"queues\":[],\"form\":null}",
        "{\"conversationId\":\"c-off\",\"scoreBefore\":40,\"passedBefore\":null,\"scoreAfter\":100,"
            + "\"passedAfter\":null,\"flip\":\"NONE\",\"agents\":[],\"queues\":[],\"form\":null}");
    assertThat(run.err()).contains("korescore whatif: 2 interactions, 2 re-scored, 2 affected");
    if (Runtime.getRuntime().maxMemory() > (512L << 20)) {
      assertThat(flagLines(run.out())).isEqualTo(2);
    }
    Run unknown = run(List.of(), "whatif", "--drop", "C", input().toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("metric 'C' occurs in no re-scored interaction; closest: 'A', 'B'");
  }

  @Test
  void theOptOutAndAnExplicitHeapAuditInOneJvm() throws Exception {
    for (List<String> options : List.of(
        List.of("-XX:+PrintCommandLineFlags", "-Dkorescore.boundedHeap=false"),
        List.of("-XX:+PrintCommandLineFlags", "-Xmx300m"))) {
      Run run = run(options, "audit", "--format", "csv", "--out", dir.resolve("rows.csv").toString(),
          input().toString());

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(flagLines(run.out())).as(options.toString()).isEqualTo(1);
      assertThat(run.out()).doesNotContain("-XX:FreqInlineSize=50");
    }
  }

  @Test
  void theLaunchersWayAuditsInOneTunedJvmWithAClassArchiveOrWithoutOne() throws Exception {
    // what ./korescore runs: the options file as a JVM argument file, and a class-data-sharing archive
    Path options = Path.of("src/main/resources/dev/korescore/cli/audit/bounded-jvm.options").toAbsolutePath();
    Path archive = dir.resolve("classes.jsa");
    List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    List<String> record = new ArrayList<>(quiet);
    record.addAll(List.of("@" + options, "-XX:ArchiveClassesAtExit=" + archive));
    assertThat(run(record, "audit", "--format", "jsonl", "--out", dir.resolve("a.jsonl").toString(),
        input().toString()).exit()).isEqualTo(1);
    assertThat(archive).isNotEmptyFile();

    for (Path used : List.of(archive, dir.resolve("missing.jsa"), input())) { // an archive, none, not an archive
      List<String> jvm = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + used));
      jvm.addAll(quiet);
      jvm.addAll(List.of("@" + options, "-XX:+PrintCommandLineFlags"));
      Path rows = dir.resolve("rows.jsonl");
      Files.deleteIfExists(rows);
      Run run = run(jvm, "audit", "--format", "jsonl", "--out", rows.toString(), input().toString());

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(Files.readAllLines(rows)).hasSize(2);
      assertThat(flagLines(run.out())).as("one JVM, no relaunch").isEqualTo(1);
      assertThat(run.out()).contains("-XX:MaxHeapSize=268435456", "-XX:FreqInlineSize=50", "-XX:+UseSerialGC");
      assertThat(run.err()).as(used.toString()).startsWith("korescore audit: 2 interactions").doesNotContain("cds");
    }
  }

  @Test
  void badInputThroughTheChildIsExitTwoWithThePlaceAndNoStackTrace() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"conversationId\":\"c-77\",\"Metrics\":[{\"Metric Name\":\"Policy\","
        + "\"Metric Weight\":\"heavy\",\"Qualification\":\"NO\"}]}\n");

    Run run = run(List.of(), "audit", bad.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(bad + ":1:").contains("(conversation c-77)").contains("'Policy'")
        .doesNotContain("\tat ");
  }

  @Test
  void theDemoRunsFromTheJarWithEverythingItNeedsPackaged() throws Exception {
    // the simulator (Jackson databind), the HTTP client, the audit and the DuckDB store, all from the one jar
    Run demo = run(List.of(), "demo", "--records", "200", "--days", "2", "--out-dir", dir.resolve("demo").toString());
    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(demo.err()).doesNotContain("Exception");
    assertThat(demo.out()).contains("with no false alarm");
    assertThat(dir.resolve("demo").resolve("korescore.duckdb")).isRegularFile();
  }

  @Test
  void theOtherCommandsRunFromTheJarToo() throws Exception {
    Run version = run(List.of(), "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("korescore ");

    Run help = run(List.of(), "fetch", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: korescore fetch");

    Run usage = run(List.of());
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.out()).contains("audit", "whatif", "fetch", "generate", "simulate", "demo");
  }
}
