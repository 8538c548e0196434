package dev.korescore.cli;

import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way the CLI tests run a Kore: a loopback simulator over a generated dataset, started once
 * per test class and stopped after it, its faults cleared before each test, with a {@code --profile}
 * file pointing at it.
 *
 * <pre>{@code
 * @RegisterExtension static final SimulatorFixture kore = SimulatorFixture.generated(InteractionGenerator.builder().seed(11).count(400).build());
 * }</pre>
 */
public final class SimulatorFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final InteractionGenerator generator;
  private SimulatorDataset dataset;
  private KoreSimulator sim;

  private SimulatorFixture(InteractionGenerator generator) {
    this.generator = generator;
  }

  /** A simulator serving {@code generator}'s records, with no rate limit. */
  public static SimulatorFixture generated(InteractionGenerator generator) {
    return new SimulatorFixture(generator);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    dataset = SimulatorDataset.generated(generator);
    sim = KoreSimulator.start(SimulatorConfig.builder().dataset(dataset).rateLimitPerMinute(0).build());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sim.faults().clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (sim != null) {
      sim.close();
    }
  }

  public KoreSimulator sim() {
    return sim;
  }

  public SimulatorDataset dataset() {
    return dataset;
  }

  public InteractionGenerator generator() {
    return generator;
  }

  /**
   * Writes {@code dir/secret.txt} and {@code dir/kore.properties} (a {@code --profile} for this
   * simulator, the secret in the file beside it); returns the profile's path.
   */
  public Path profile(Path dir) throws IOException {
    return profile(sim, dir);
  }

  /** {@link #profile(Path)} for a simulator a test configured itself (a fault mode the fixture does not set). */
  public static Path profile(KoreSimulator sim, Path dir) throws IOException {
    Path secretFile = dir.resolve("secret.txt");
    Files.writeString(secretFile, sim.clientSecret() + "\n");
    Path profile = dir.resolve("kore.properties");
    Files.writeString(profile, String.join("\n",
        "host=" + sim.baseUrl(),
        "accountId=" + sim.accountId(),
        "streamId=" + sim.streamId(),
        "orgId=o-test",
        "clientId=" + sim.clientId(),
        "clientSecretFile=" + secretFile.toString().replace("\\", "/")));
    return profile;
  }
}
