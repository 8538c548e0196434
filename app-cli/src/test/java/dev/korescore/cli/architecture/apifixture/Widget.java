package dev.korescore.cli.architecture.apifixture;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** A fixture for ApiDumpTest: what the API dump shows of a type, and what it leaves out. */
public class Widget<T extends Comparable<? super T>> {
  /** Shown: a public constant. */
  public static final String NAME = "widget";
  /** Shown: protected is visible to subclasses in other modules. */
  protected int size;
  int hidden;

  /**
   * Shown.
   *
   * @param items ignored
   */
  public Widget(List<? extends T> items) {}

  /** Shown. */
  protected Widget() {}

  Widget(int hidden) {
    this.hidden = hidden;
  }

  /**
   * Shown with its type parameter and throws clause.
   *
   * @param <R> the result
   * @param f ignored
   * @return nothing
   * @throws IOException never
   */
  public <R> R map(Function<? super T, R> f) throws IOException {
    return null;
  }

  /**
   * Shown as varargs.
   *
   * @param parts the parts
   * @return them joined
   */
  public static String join(String... parts) {
    return String.join("", parts);
  }

  void packagePrivate() {}

  @SuppressWarnings("unused")
  private void secret() {}

  /** A sealed nested interface. */
  public sealed interface Shape permits Circle, Square {}

  /**
   * A nested record.
   *
   * @param radius the radius
   */
  public record Circle(double radius) implements Shape {}

  /** A non-sealed nested class. */
  public static non-sealed class Square implements Shape {}

  static class Hidden {}
}
