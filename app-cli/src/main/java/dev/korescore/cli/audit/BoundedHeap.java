package dev.korescore.cli.audit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps {@code audit}'s memory flat whatever heap the JVM would default to. The audit itself never
 * accumulates interactions, but on a large machine the JVM's default heap (a quarter of RAM) lets the
 * collector grow far past what the audit needs: 700 MB of resident memory for a 340 MB input on a 24 GB
 * machine. When {@code audit} runs from the shaded jar with no heap option at all, it re-runs itself
 * once in a child JVM with the options of {@link #OPTIONS_RESOURCE} (a 256 MB heap, the serial collector),
 * sharing standard input, output and error, and exits with the child's code. Any explicit heap option ({@code -Xmx},
 * {@code -XX:MaxRAM...}) or {@code -Dkorescore.boundedHeap=false} turns this off. The {@code korescore}
 * launcher passes the same options ({@link #OPTIONS_RESOURCE}) to the first JVM, which then does not
 * relaunch: one JVM start saved.
 *
 * <p>The child is also tuned for what an audit is, a one-pass batch job whose run is mostly the JIT's
 * warm-up: {@code -XX:FreqInlineSize=50} lowers C2's inlining budget for hot methods from 325 to 50. On 2
 * cores that cut the audit's CPU time by 40% and its wall time by 20 to 25% for 200,000 interactions,
 * with the same speed once warm (1,000,000 interactions); bench/audit/README.md has the runs. A
 * {@code -XX:FreqInlineSize} or collector of the user's own wins.
 */
public final class BoundedHeap {
  /** Set on the child JVM, and by users to opt out ({@code false}). */
  static final String PROPERTY = "korescore.boundedHeap";
  /**
   * The one list of the bounded JVM's options, a JVM argument file in the jar and in the source tree: the
   * {@code korescore} launcher passes it to {@code java} directly ({@code java @FILE}), so that the audit
   * runs in the first JVM with no relaunch; this class gives it to the child.
   */
  static final String OPTIONS_RESOURCE = "bounded-jvm.options";
  /**
   * The commands that run in a bounded JVM ({@code audit}, {@code whatif}, {@code sync}, {@code export}: the
   * ones that stream a whole input or store), one a line in the resource {@code bounded-commands} beside this
   * class, which the {@code korescore} launcher reads too: one list for both ways in.
   */
  public static final Set<String> COMMANDS = Set.copyOf(loadLines("bounded-commands"));
  /**
   * What {@code sync} adds after {@link #OPTIONS_RESOURCE}, a JVM argument file too: a smaller heap. A sync's
   * live data is a few chunks of 2,000 records and the ids of the window being fetched, whatever the number
   * of interactions (a heap histogram during a sync of 200,000: under 20 MB), and the serial collector fills
   * the heap to its bound, so the bound is what the heap adds to the resident memory (bench/store/README.md,
   * fourth session: 64 MB held at 1,000,000 interactions).
   */
  static final String SYNC_OPTIONS_RESOURCE = "sync-jvm.options";
  /** The option that sets C2's inlining budget for frequently called methods (HotSpot's default is 325 bytecodes). */
  static final String INLINING = "-XX:FreqInlineSize=";
  /** A default max heap above this counts as unbounded. */
  static final long UNBOUNDED_BYTES = 512L << 20;

  private BoundedHeap() {}

  /**
   * Whether to re-run: only from a jar that is the whole class path (java -jar), when no heap option was
   * given, the default max heap is large and nobody opted out. The JVM's arguments are asked for last, only
   * when everything else says yes: reading them loads the management classes (about 40 ms of CPU in a profile
   * of start-up), which the {@code korescore} launcher (it sets {@link #PROPERTY}) never needs to pay for.
   */
  static boolean shouldRelaunch(String classPath, Optional<Path> codeSource, Supplier<List<String>> jvmArguments,
      long maxHeapBytes, String property) {
    if (property != null || maxHeapBytes <= UNBOUNDED_BYTES) {
      return false;
    }
    if (codeSource.isEmpty() || !codeSource.get().toString().endsWith(".jar")
        || classPath.contains(File.pathSeparator)
        || !Path.of(classPath).toAbsolutePath().normalize().equals(codeSource.get().toAbsolutePath().normalize())) {
      return false;
    }
    for (String argument : jvmArguments.get()) {
      String a = argument.toLowerCase(Locale.ROOT);
      if (a.startsWith("-xmx") || a.startsWith("-xx:maxheapsize") || a.startsWith("-xx:maxram")
          || a.startsWith("-xx:initialrampercentage") || a.startsWith("-xx:minrampercentage")) {
        return false;
      }
    }
    return true;
  }

  /** The child's command line: the user's JVM options first; a collector or inlining budget of theirs wins. */
  static List<String> command(String java, Path jar, List<String> jvmArguments, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmArguments);
    boolean collectorChosen = jvmArguments.stream().anyMatch(BoundedHeap::choosesCollector);
    boolean inliningChosen = jvmArguments.stream().anyMatch(a -> a.startsWith(INLINING));
    // read here, not when the class loads: Main loads it for every command (COMMANDS), and only a relaunch needs them
    List<String> options = new ArrayList<>(loadLines(OPTIONS_RESOURCE));
    if (isSync(args)) {
      options.addAll(loadLines(SYNC_OPTIONS_RESOURCE)); // later options win
    }
    for (String option : options) {
      if ((collectorChosen && choosesCollector(option)) || (inliningChosen && option.startsWith(INLINING))) {
        continue;
      }
      command.add(option);
    }
    command.add("-cp");
    command.add(jar.toString());
    command.add("dev.korescore.cli.Main");
    command.addAll(args);
    return command;
  }

  /** Whether the command line runs {@code sync}: its first argument, or the first after {@code --debug}. */
  private static boolean isSync(List<String> args) {
    for (String arg : args) {
      if (!arg.equals("--debug")) {
        return arg.equals("sync");
      }
    }
    return false;
  }

  private static boolean choosesCollector(String option) {
    return option.startsWith("-XX:+Use") && option.endsWith("GC");
  }

  /**
   * The non-blank lines of a resource beside this class, stripped: an argument file's options, one a line (its
   * syntax as it is used here), or the bounded commands.
   */
  private static List<String> loadLines(String resource) {
    try (InputStream in = BoundedHeap.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource + " beside BoundedHeap");
      }
      List<String> options = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank()) {
          options.add(line.strip());
        }
      }
      return List.copyOf(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
    }
  }

  /** Re-runs the command line {@code args} in a bounded child JVM when {@link #shouldRelaunch}; its exit code. */
  public static OptionalInt relaunchIfUnbounded(List<String> args) {
    Optional<Path> codeSource = codeSource();
    Supplier<List<String>> jvmArguments = () -> ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (!shouldRelaunch(System.getProperty("java.class.path", ""), codeSource, jvmArguments,
        Runtime.getRuntime().maxMemory(), System.getProperty(PROPERTY))) {
      return OptionalInt.empty();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(command(java, codeSource.get(), jvmArguments.get(), args)).inheritIO();
    try {
      Process child = builder.start();
      try {
        return OptionalInt.of(child.waitFor());
      } catch (InterruptedException e) {
        child.destroy();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the bounded audit ran", e);
      }
    } catch (IOException e) {
      return OptionalInt.empty(); // cannot start a JVM: audit in this one
    }
  }

  private static Optional<Path> codeSource() {
    try {
      var source = BoundedHeap.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
