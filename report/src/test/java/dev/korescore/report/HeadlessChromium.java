package dev.korescore.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives Debian's {@code chromium} in headless mode from the tests: {@code --dump-dom} prints the DOM
 * after the page's scripts ran, {@code --screenshot} saves a PNG. Every launch uses a fresh profile
 * directory and the flags that keep Chromium off the network.
 */
final class HeadlessChromium {
  private static final long TIMEOUT_SECONDS = 30;
  private final Path binary;
  private final Path workDir;

  private HeadlessChromium(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  /**
   * The installed Chromium; when there is none the calling test fails on CI ({@code CI=true}) and is
   * skipped (reported as skipped) elsewhere.
   */
  static HeadlessChromium require(Path workDir) {
    Optional<Path> found = locate();
    if (found.isEmpty()) {
      String configured = System.getenv("CHROMIUM_BIN");
      String message = (configured != null && !configured.isBlank()
              ? "Chromium not found: CHROMIUM_BIN=" + configured + " is not an executable file"
              : "Chromium not found (looked for chromium, chromium-browser, google-chrome on the PATH)")
          + "; install Debian's package with `apt-get install -y chromium`";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true: the browser test must run on CI)");
      }
      Assumptions.abort(message + "; browser test skipped outside CI");
    }
    return new HeadlessChromium(found.get(), workDir);
  }

  static Optional<Path> locate() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("CHROMIUM_BIN");
    if (configured != null && !configured.isBlank()) {
      // An explicit choice is the only candidate: a wrong path is reported, not silently replaced.
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin" : path).split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        candidates.add(Path.of(dir, name));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The DOM of {@code url} serialised after its scripts ran. */
  String dumpDom(String url) throws IOException, InterruptedException {
    return run("dom", List.of("--dump-dom", url));
  }

  /** A PNG screenshot of {@code url} at the given window size, written to {@code png}. */
  void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    run("shot", List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png, url));
    if (!Files.isRegularFile(png)) {
      fail("Chromium wrote no screenshot to " + png);
    }
  }

  private String run(String label, List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
    Path out = workDir.resolve(label + "-" + profile.getFileName() + ".out");
    Path err = workDir.resolve(label + "-" + profile.getFileName() + ".err");
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio",
        "--user-data-dir=" + profile));
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      fail("Chromium exited with " + process.exitValue() + ": " + command + "\n"
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
