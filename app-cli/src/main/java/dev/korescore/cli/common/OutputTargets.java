package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command will write, checked before anything is opened for writing: none may be a
 * directory, none may be one of the command's inputs (same file identity, through symbolic and hard
 * links, as {@link Files#isSameFile} sees it), and no two may be the same file. Each failure is exit 2,
 * naming the options and the files.
 *
 * <pre>{@code
 * OutputTargets.check()
 *     .input(Path.of(file))                 // every input file
 *     .output("--out", out).output("--report", report)
 *     .verify();
 * }</pre>
 */
public final class OutputTargets {
  private final List<Path> inputs = new ArrayList<>();
  private final Map<String, Path> outputs = new LinkedHashMap<>();

  private OutputTargets() {}

  public static OutputTargets check() {
    return new OutputTargets();
  }

  /** An input file ({@code null} and {@code -}, standard input, are ignored). */
  public OutputTargets input(Path input) {
    if (input != null && !input.toString().equals("-")) {
      inputs.add(input);
    }
    return this;
  }

  /** An output given by {@code option} ({@code null} and {@code -}, standard output, are ignored). */
  public OutputTargets output(String option, Path output) {
    requireNonNull(option, "option");
    if (output != null && !output.toString().equals("-")) {
      outputs.put(option, output);
    }
    return this;
  }

  /** @throws CliException exit 2 at the first output that is a directory, an input or another output */
  public void verify() {
    List<Map.Entry<String, Path>> checked = new ArrayList<>();
    for (Map.Entry<String, Path> entry : outputs.entrySet()) {
      String option = entry.getKey();
      Path output = entry.getValue();
      if (Files.isDirectory(output)) {
        throw CliException.usage(option + " " + output + " is a directory; name a file");
      }
      for (Path input : inputs) {
        if (same(output, input)) {
          throw CliException.usage(option + " " + output + " is the input " + input
              + ": korescore never writes over its input; choose another file");
        }
      }
      for (Map.Entry<String, Path> earlier : checked) {
        if (same(output, earlier.getValue())) {
          throw CliException.usage(option + " " + output + " and " + earlier.getKey() + " " + earlier.getValue()
              + " are the same file; give each output its own file");
        }
      }
      checked.add(entry);
    }
  }

  /** True when both name one file: the same identity if both exist, else the same normalised path. */
  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
      return resolved(a).equals(resolved(b));
    } catch (IOException e) {
      return resolved(a).equals(resolved(b));
    }
  }

  /** The absolute path with its existing directory's links resolved (the file itself may not exist yet). */
  private static Path resolved(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    try {
      if (parent != null && Files.exists(parent)) {
        Path target = parent.toRealPath().resolve(absolute.getFileName());
        if (Files.isSymbolicLink(target)) {
          Path link = Files.readSymbolicLink(target);
          return target.resolveSibling(link).toAbsolutePath().normalize();
        }
        return target;
      }
    } catch (IOException e) {
      return absolute;
    }
    return absolute;
  }
}
