package dev.korescore.testkit.junit;

import static java.util.Objects.requireNonNull;

import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.junit.KoreSimulatorTest.Lifecycle;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link KoreSimulatorTest @KoreSimulatorTest}: starts a {@link
 * KoreSimulator} per test or per class, resolves parameters of type {@code KoreSimulator}, and stops it when
 * the test (or the class) is done, whether it passed or not.
 *
 * <p>Use the annotation for the common settings, or register the extension on a field for any {@link
 * SimulatorConfig}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KoreSimulatorExtension KORE = KoreSimulatorExtension.perClass(() -> SimulatorConfig.builder()
 *     .dataset(SimulatorDataset.generated(InteractionGenerator.builder().seed(7).count(200).build()))
 *     .latency(Duration.ofMillis(50))
 *     .build());
 *
 * @Test
 * void fetchesThroughLatency(KoreSimulator sim) { ... }
 * }</pre>
 *
 * <p>A per-class extension must be registered on a {@code static} field (or in a {@code
 * @TestInstance(PER_CLASS)} class), so that JUnit calls it before the class's tests.
 */
public final class KoreSimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KoreSimulatorExtension.class);
  private static final String SIMULATOR = "simulator";

  private final Supplier<SimulatorConfig> config;
  private final Lifecycle lifecycle;

  /**
   * The extension as {@link KoreSimulatorTest @KoreSimulatorTest} (or {@code @ExtendWith}) registers it: its
   * settings come from the annotation on the test class, or are the defaults (an empty dataset, per test).
   */
  public KoreSimulatorExtension() {
    this(null, null);
  }

  private KoreSimulatorExtension(Supplier<SimulatorConfig> config, Lifecycle lifecycle) {
    this.config = config;
    this.lifecycle = lifecycle;
  }

  /**
   * An extension that starts a fresh simulator for every test.
   *
   * @param config called once per test for that test's settings
   * @return the extension, to register with {@code @RegisterExtension}
   */
  public static KoreSimulatorExtension perTest(Supplier<SimulatorConfig> config) {
    return new KoreSimulatorExtension(requireNonNull(config, "config"), Lifecycle.PER_TEST);
  }

  /**
   * An extension that starts one simulator for the whole class; register it on a {@code static} field.
   *
   * @param config called once per class for its settings
   * @return the extension, to register with {@code @RegisterExtension}
   */
  public static KoreSimulatorExtension perClass(Supplier<SimulatorConfig> config) {
    return new KoreSimulatorExtension(requireNonNull(config, "config"), Lifecycle.PER_CLASS);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (lifecycle(context) == Lifecycle.PER_CLASS) {
      classSimulator(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopOwn(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (lifecycle(context) == Lifecycle.PER_TEST) {
      context.getStore(NAMESPACE).put(SIMULATOR, KoreSimulator.start(config(context)));
    } else if (context.getStore(NAMESPACE).get(SIMULATOR, KoreSimulator.class) == null) {
      throw new ExtensionConfigurationException(
          "KoreSimulatorExtension.perClass(...) was registered too late to start before the class: register it"
              + " on a static field, or use perTest(...)");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopOwn(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == KoreSimulator.class;
  }

  @Override
  public KoreSimulator resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (lifecycle(extensionContext) == Lifecycle.PER_CLASS) {
      return classSimulator(extensionContext);
    }
    KoreSimulator simulator = extensionContext.getTestMethod().isPresent()
        ? extensionContext.getStore(NAMESPACE).get(SIMULATOR, KoreSimulator.class)
        : null;
    if (simulator == null) {
      throw new ParameterResolutionException("a KoreSimulator is started per test, so it cannot be injected into "
          + describe(parameterContext) + "; take it in the test method or @BeforeEach, or use lifecycle PER_CLASS");
    }
    return simulator;
  }

  /** The simulator of the class (or an enclosing class), started here if none is running yet. */
  private KoreSimulator classSimulator(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext.Store store = classContext.getStore(NAMESPACE);
    KoreSimulator running = store.get(SIMULATOR, KoreSimulator.class); // this class's or an enclosing one's
    if (running != null) {
      return running;
    }
    KoreSimulator started = KoreSimulator.start(config(classContext));
    store.put(SIMULATOR, started);
    return started;
  }

  /** Stops the simulator this context started (not an enclosing context's). */
  private static void stopOwn(ExtensionContext context) {
    KoreSimulator own = context.getStore(NAMESPACE).remove(SIMULATOR, KoreSimulator.class);
    if (own != null) {
      own.close();
    }
  }

  private Lifecycle lifecycle(ExtensionContext context) {
    if (lifecycle != null) {
      return lifecycle;
    }
    return annotation(context).map(KoreSimulatorTest::lifecycle).orElse(Lifecycle.PER_TEST);
  }

  private SimulatorConfig config(ExtensionContext context) {
    if (config != null) {
      return requireNonNull(config.get(), "the SimulatorConfig supplier returned null");
    }
    Optional<KoreSimulatorTest> settings = annotation(context);
    if (settings.isEmpty()) {
      return SimulatorConfig.defaults();
    }
    KoreSimulatorTest test = settings.get();
    if (test.records() < 0) {
      throw new ExtensionConfigurationException("@KoreSimulatorTest(records) must be >= 0, was " + test.records());
    }
    SimulatorDataset dataset = test.records() == 0
        ? SimulatorDataset.empty()
        : SimulatorDataset.generated(InteractionGenerator.builder()
            .seed(test.seed())
            .count(test.records())
            .discrepancyShare(test.discrepancyShare())
            .build());
    return SimulatorConfig.builder().dataset(dataset).rateLimitPerMinute(test.rateLimitPerMinute()).build();
  }

  /** The annotation on the test class, its superclasses or its enclosing classes. */
  private static Optional<KoreSimulatorTest> annotation(ExtensionContext context) {
    for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
      Optional<KoreSimulatorTest> found = AnnotationSupport.findAnnotation(type, KoreSimulatorTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String describe(ParameterContext parameter) {
    return parameter.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
        + parameter.getDeclaringExecutable().getName();
  }

  @Override
  public String toString() {
    return "KoreSimulatorExtension[" + (lifecycle == null ? "from @KoreSimulatorTest" : lifecycle) + "]";
  }
}
