package dev.korescore.cli.testkit;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.generator.PlantedDiscrepancy;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code korescore generate}: realistic Kore Raw Data as JSON Lines, with planted discrepancies. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write generated Kore Raw Data records as JSON Lines: seeded and deterministic (the same seed gives the same bytes),",
      "every API version's key style, NA answers, negative weights, fatal and manual metrics, not-evaluated records,",
      "unknown extra fields, and a share of planted wrong scores or pass flags. --truth writes which ones."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GeneratorOptions generator = new GeneratorOptions();

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the JSON Lines; '-' for standard output.")
  String out;

  @Option(names = "--truth", paramLabel = "FILE",
      description = "Also write one JSON line per planted discrepancy: conversationId, kind, reported and correct score and pass flag.")
  String truth;

  /** Standard output, replaceable by tests. */
  OutputStream stdout = System.out;

  @Override
  public Integer call() {
    InteractionGenerator gen = generator.build();
    PrintWriter console = spec.commandLine().getOut();
    boolean toStdout = "-".equals(out);
    long planted = 0;
    long wrongScores = 0;
    try (Writer records = writer(toStdout ? stdout : open(out), !toStdout);
        Writer truthOut = truth == null ? Writer.nullWriter() : writer(open(truth), true)) {
      Iterator<GeneratedInteraction> it = gen.iterator();
      while (it.hasNext()) {
        GeneratedInteraction g = it.next();
        records.write(g.wireJson());
        records.write('\n');
        if (g.planted().isPresent()) {
          PlantedDiscrepancy p = g.planted().get();
          planted++;
          if (p.kind() == PlantedDiscrepancy.Kind.WRONG_SCORE) {
            wrongScores++;
          }
          truthOut.write(truthLine(g, p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String summary = String.format("Wrote %,d records (seed %d) to %s: %,d planted discrepancies (%,d wrong scores, %,d wrong pass flags)%s",
        gen.count(), gen.seed(), toStdout ? "standard output" : out, planted, wrongScores, planted - wrongScores,
        truth == null ? "" : "; truth in " + truth);
    if (toStdout) {
      spec.commandLine().getErr().println(summary);
    } else {
      console.println(summary);
    }
    return ExitCodes.OK;
  }

  static String truthLine(GeneratedInteraction g, PlantedDiscrepancy p) {
    return "{\"conversationId\":\"" + g.conversationId().value() + "\",\"kind\":\"" + p.kind()
        + "\",\"reportedScore\":" + p.reportedScore() + ",\"correctScore\":" + p.correctScore()
        + ",\"reportedPassed\":" + p.reportedPassed() + ",\"correctPassed\":" + p.correctPassed() + "}\n";
  }

  private static OutputStream open(String path) {
    try {
      return new FileOutputStream(path);
    } catch (FileNotFoundException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot write " + path + ": " + e.getMessage());
    }
  }

  private static Writer writer(OutputStream stream, boolean closeStream) {
    OutputStream target = closeStream ? stream : new java.io.FilterOutputStream(stream) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    return new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
  }
}
