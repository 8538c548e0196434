package dev.korescore.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar {@code spark-submit} runs ({@code target/korescore-spark-*-job.jar}, Failsafe, after the package
 * phase): what it carries (korescore, Jackson relocated, no Spark, Scala or plain Jackson), and a job run
 * from it in a real JVM with Spark's jars beside it, the way {@code spark/run-local} runs it. Covers what
 * the in-process tests cannot: the manifest, the relocation, and the shaded classes at work on an executor.
 */
class JobJarIT {
  private static Path jar;
  private static Path sparkClasspath;

  @TempDir Path dir;

  @BeforeAll
  static void findTheJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("korescore-spark-.*-job\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no job jar in target/: run mvn verify"));
    }
    sparkClasspath = Path.of("target", "spark-classpath.txt");
    assertThat(sparkClasspath).as("Spark's jars, listed at package").exists();
  }

  private static List<String> entries() throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
    }
    return names;
  }

  @Test
  void theJarCarriesKorescoreAndRelocatedJacksonButNoSparkScalaOrPlainJackson() throws IOException {
    List<String> names = entries();

    assertThat(names).contains(
        "dev/korescore/spark/KorescoreSpark.class",
        "dev/korescore/core/policy/FormChangeOptions.class",
        "dev/korescore/scoring/WhatIfAggregator.class",
        "dev/korescore/adapters/json/JsonRecordMapper.class",
        "dev/korescore/report/HtmlWhatIfReport.class",
        "dev/korescore/spark/shaded/jackson/databind/ObjectMapper.class",
        "dev/korescore/spark/shaded/picocli/CommandLine.class");
    assertThat(names).noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/")
        || n.startsWith("com/fasterxml/") || n.startsWith("picocli/") || n.startsWith("org/apache/hadoop/"));
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.korescore.spark.KorescoreSpark");
    }
  }

  @Test
  void aWhatIfRunsFromTheJarWithSparksJarsBesideIt() throws IOException, InterruptedException {
    Path input = dir.resolve("two.jsonl");
    Files.writeString(input,
        "{\"conversationId\":\"c-1\",\"Kore Evaluation Score\":60,\"Pass Score\":50,\"IsPassed\":true,"
            + "\"Evaluation Form Name\":\"Voice QA\",\"Metrics\":["
            + "{\"Metric Name\":\"A\",\"Metric Weight\":15,\"Qualification\":\"YES\"},"
            + "{\"Metric Name\":\"B\",\"Metric Weight\":10,\"Qualification\":\"NO\"}]}\n"
            + "{\"conversationId\":\"c-bad\",\"Metrics\":[{\"Metric Name\":\"A\",\"Metric Weight\":\"heavy\"}]}\n",
        StandardCharsets.UTF_8);
    Path output = dir.resolve("out");
    String classpath = jar.toAbsolutePath() + java.io.File.pathSeparator
        + Files.readString(sparkClasspath, StandardCharsets.UTF_8).strip();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dspark.master=local[1]", "-Dspark.ui.enabled=false", "-Dspark.sql.shuffle.partitions=1",
        "-Dlog4j2.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath(),
        "-cp", classpath, "dev.korescore.spark.KorescoreSpark", "whatif", "--input", input.toString(),
        "--output", output.toString(), "--format", "jsonl", "--pass-score", "70");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    process.getOutputStream().close();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(log).isEqualTo(1);
    assertThat(log).contains("whatif: 1 interactions, 1 re-scored").contains("1 rejected record;");
    List<String> rows;
    try (Stream<Path> parts = Files.list(output.resolve("rows"))) {
      rows = parts.filter(p -> p.getFileName().toString().startsWith("part-")).flatMap(p -> {
        try {
          return Files.readAllLines(p).stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toList());
    }
    assertThat(rows).containsExactly("{\"conversationId\":\"c-1\",\"scoreBefore\":60,\"passedBefore\":true,"
        + "\"scoreAfter\":60,\"passedAfter\":false,\"flip\":\"PASS_TO_FAIL\",\"agents\":[],\"queues\":[],"
        + "\"form\":\"Voice QA\"}");
  }
}
