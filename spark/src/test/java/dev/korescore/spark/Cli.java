package dev.korescore.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** The test oracle (the CLI's shaded jar, in a real JVM), the job run in-process, and their outputs. */
final class Cli {
  private Cli() {}

  /** A job's exit code and what it printed to standard error. */
  record Result(int exit, String err) {}

  /** What the CLI exited with and the rows it wrote. */
  record Rows(int exit, List<String> rows) {}

  /** {@code korescore-spark ARGS} on {@code spark}, in this JVM. */
  static Result job(SparkSession spark, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KorescoreSpark.run(spark, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, err.toString());
  }

  /**
   * The CLI's rows of {@code korescore COMMAND --format jsonl OPTIONS INPUTS}, from its shaded jar in a
   * real JVM (one JVM: a heap option keeps {@code audit} from re-running itself in a child).
   */
  static Rows rows(Path tmp, String command, List<String> options, Path... inputs)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "cli", ".jsonl");
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar().toString(),
        command, "--format", "jsonl", "--out", out.toString()));
    line.addAll(options);
    for (Path input : inputs) {
      line.add(input.toString());
    }
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(log).isIn(0, 1);
    return new Rows(process.exitValue(), Files.readAllLines(out));
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("korescore.cliJar", "../app-cli/target/missing.jar"));
    assertThat(jar).as("the CLI's shaded jar (built by mvn verify before this module)").exists();
    return jar;
  }

  /** Every line of the part files under {@code dir}. */
  static List<String> partLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(part));
      }
    }
    return lines;
  }

  static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }
}
