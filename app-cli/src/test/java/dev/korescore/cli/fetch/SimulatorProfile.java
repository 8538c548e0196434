package dev.korescore.cli.fetch;

import dev.korescore.testkit.simulator.KoreSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code --profile} file pointing at a running simulator, its secret in a file beside it. */
public final class SimulatorProfile {
  private SimulatorProfile() {}

  /** Writes {@code dir/secret.txt} and {@code dir/kore.properties}; returns the profile's path. */
  public static Path write(KoreSimulator sim, Path dir) throws IOException {
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
