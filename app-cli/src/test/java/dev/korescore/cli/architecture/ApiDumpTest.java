package dev.korescore.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.architecture.apifixture.Widget;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API dump shows what a consumer can use of a type, and nothing else; the guard reports changes per type. */
class ApiDumpTest {

  @Test
  void dumpShowsPublicAndProtectedMembersWithGenericSignaturesAndLeavesOutTheRest(@TempDir Path root)
      throws IOException, URISyntaxException {
    Path fixture = Path.of(Widget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = Path.of("dev/korescore/cli/architecture/apifixture");
    Files.createDirectories(root.resolve(pkg));
    try (Stream<Path> files = Files.list(fixture.resolve(pkg))) {
      for (Path file : files.toList()) {
        Files.copy(file, root.resolve(pkg).resolve(file.getFileName()));
      }
    }

    String dump = ApiDump.of(root, getClass().getClassLoader());

    assertThat(dump).isEqualTo(EXPECTED);
  }

  @Test
  void diffNamesTheTypeAndTheMembersRemovedAndAdded() {
    String before = "public final class a.B {\n  public void x()\n  public void y()\n}\n\npublic interface a.C {\n}\n";
    String after = "public final class a.B {\n  public void x()\n  public int y()\n}\n\npublic interface a.D {\n}\n";

    assertThat(PublicApiTest.diff(before, after)).isEqualTo(String.join("\n",
        "  public final class a.B",
        "-   public void y()",
        "+   public int y()",
        "- public interface a.C",
        "+ public interface a.D"));
  }

  private static final String EXPECTED = """
      public class dev.korescore.cli.architecture.apifixture.Widget<T extends java.lang.Comparable<? super T>> {
        protected int size
        public static final java.lang.String NAME
        protected <init>()
        public <init>(java.util.List<? extends T>)
        public <R> R map(java.util.function.Function<? super T, R>) throws java.io.IOException
        public static java.lang.String join(java.lang.String...)
      }

      public record dev.korescore.cli.architecture.apifixture.Widget$Circle implements dev.korescore.cli.architecture.apifixture.Widget$Shape {
        public <init>(double)
        public double radius()
        public final boolean equals(java.lang.Object)
        public final int hashCode()
        public final java.lang.String toString()
      }

      public sealed interface dev.korescore.cli.architecture.apifixture.Widget$Shape permits dev.korescore.cli.architecture.apifixture.Widget$Circle, dev.korescore.cli.architecture.apifixture.Widget$Square {
      }

      public static non-sealed class dev.korescore.cli.architecture.apifixture.Widget$Square implements dev.korescore.cli.architecture.apifixture.Widget$Shape {
        public <init>()
      }

      """;
}
