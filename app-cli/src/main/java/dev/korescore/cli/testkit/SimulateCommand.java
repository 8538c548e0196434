package dev.korescore.cli.testkit;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.PathPreset;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code korescore simulate}: the testkit's Kore Raw Data simulator, standalone. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local Kore Raw Data server on 127.0.0.1 with generated data, for trying korescore fetch or your own client:",
      "every path preset, HS256 JWT checks (appId, exp, jti replay), paging, date/channel/queue filters, the per-account",
      "rate limit and injected faults. Prints the base URL, account, stream and client ids; the client secret is written",
      "to a file readable only by you (never printed). Runs until Ctrl-C."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GeneratorOptions generator = new GeneratorOptions();

  @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--fault", paramLabel = "SPEC", description = "A fault to inject, repeatable: " + FaultSpec.HELP)
  List<String> faults = new ArrayList<>();

  @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "60",
      description = "Requests per account per rolling minute; 0 for none (default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(names = "--latency", paramLabel = "MS", defaultValue = "0", description = "Milliseconds added to every response (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--secret-file", paramLabel = "FILE",
      description = "Where to write the client secret (created with mode 0600; default: a new file in the temp directory).")
  Path secretFile;

  @Option(names = "--exit-after", paramLabel = "SECONDS",
      description = "Stop after this many seconds instead of waiting for Ctrl-C.")
  Long exitAfterSeconds;

  /** Counted down to stop the server (by Ctrl-C's shutdown hook, or by tests). */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    List<FaultSpec> specs = new ArrayList<>();
    for (String fault : faults) {
      specs.add(FaultSpec.parse(fault));
    }
    if (latencyMillis < 0) {
      throw CliException.usage("--latency must be >= 0, was " + latencyMillis);
    }
    InteractionGenerator gen = generator.build();
    SimulatorConfig config;
    try {
      config = SimulatorConfig.builder()
          .dataset(SimulatorDataset.generated(gen))
          .port(port)
          .rateLimitPerMinute(rateLimit)
          .latency(Duration.ofMillis(latencyMillis))
          .build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    Path secretPath = writeSecret(config.clientSecret());
    PrintWriter out = spec.commandLine().getOut();
    Thread hook = new Thread(() -> {
      stop.countDown();
      deleteQuietly(secretPath);
    }, "korescore-simulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (KoreSimulator sim = start(config)) {
      specs.forEach(s -> s.applyTo(sim.faults()));
      out.println("Kore Raw Data simulator listening on " + sim.baseUrl());
      out.printf("  records        %,d (seed %d, %s planted-discrepancy share) starting %s to %s%n",
          gen.count(), gen.seed(), generator.discrepancyShare, gen.from(), gen.to());
      out.println("  account id     " + sim.accountId());
      out.println("  stream id      " + sim.streamId());
      out.println("  client id      " + sim.clientId());
      out.println("  client secret  in " + secretPath + " (mode 0600; never printed; removed when the simulator stops)");
      out.println("  endpoint       POST " + sim.url(PathPreset.QUALITYAI));
      out.println("                 (also the legacy, app and agentassist paths)");
      out.println("  headers        auth (an HS256 JWT with appId), accountId, orgId (iid on the app path; any value)");
      out.println("  rate limit     " + (rateLimit == 0 ? "none" : rateLimit + " requests per minute per account")
          + "; latency " + latencyMillis + " ms");
      specs.forEach(s -> out.println("  fault          " + s.describe()));
      out.println("Try: korescore fetch --host " + sim.baseUrl() + " --account-id " + sim.accountId() + " --stream-id "
          + sim.streamId() + " --org-id o-simulator --client-id " + sim.clientId() + " --client-secret-file " + secretPath
          + " --from " + gen.from() + " --to " + gen.to() + " --out records.jsonl");
      out.println(exitAfterSeconds == null ? "Press Ctrl-C to stop." : "Stopping after " + exitAfterSeconds + " s.");
      out.flush();
      if (exitAfterSeconds == null) {
        stop.await();
      } else {
        stop.await(exitAfterSeconds, TimeUnit.SECONDS);
      }
      out.println("Stopped after serving " + sim.requests().size() + " requests.");
      out.flush();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook has run
      }
      deleteQuietly(secretPath);
    }
    return ExitCodes.OK;
  }

  /** The secret file outlives no simulator: removed on every way out (return, failure, Ctrl-C, SIGTERM). */
  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // nothing more to do; the file is owner-only
    }
  }

  private static KoreSimulator start(SimulatorConfig config) {
    try {
      return KoreSimulator.start(config);
    } catch (UncheckedIOException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot start the simulator: " + e.getMessage(), e);
    }
  }

  private Path writeSecret(String secret) {
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      Path path;
      if (secretFile == null) {
        path = Files.createTempFile("korescore-simulator-", ".secret", PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        path = secretFile;
        try {
          Files.createFile(path, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (FileAlreadyExistsException exists) {
          Files.setPosixFilePermissions(path, ownerOnly);
        }
      }
      Files.writeString(path, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      Files.setPosixFilePermissions(path, ownerOnly);
      return path.toAbsolutePath();
    } catch (UnsupportedOperationException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "this file system cannot restrict the secret file to its owner");
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot write the secret file: " + e.getMessage(), e);
    }
  }
}
