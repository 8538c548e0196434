package dev.korescore.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link dev.korescore.testkit.simulator.KoreSimulator}: one is started before
 * each test (or once for the class, with {@link #lifecycle()} {@link Lifecycle#PER_CLASS}), injected into
 * every parameter of type {@code KoreSimulator} (test methods, {@code @BeforeEach}, {@code @AfterEach};
 * per class also {@code @BeforeAll}, {@code @AfterAll} and the constructor), and stopped afterwards.
 *
 * <pre>{@code
 * @KoreSimulatorTest(records = 500, seed = 42)
 * class ImportTest {
 *   @Test
 *   void importsEveryInteraction(KoreSimulator sim) {
 *     sim.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(1)));
 *     myClient.fetch(sim.baseUrl(), sim.accountId(), sim.streamId(), sim.clientId(), sim.clientSecret());
 *     assertThat(sim.requests()).allSatisfy(r -> assertThat(r.claim("appId")).hasValue(sim.clientId()));
 *   }
 * }
 * }</pre>
 *
 * <p>The served dataset is {@code InteractionGenerator.builder().seed(seed).count(records)
 * .discrepancyShare(discrepancyShare)}: the same records a test can generate itself to know the truth. For
 * any other setting, register the extension programmatically with {@link
 * KoreSimulatorExtension#perTest(java.util.function.Supplier)} or {@link
 * KoreSimulatorExtension#perClass(java.util.function.Supplier)} instead of this annotation (not both). Nested
 * classes share their enclosing class's simulator when it is started per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KoreSimulatorExtension.class)
public @interface KoreSimulatorTest {

  /**
   * How many generated interactions the simulator serves; 0 (the default) serves an empty dataset.
   *
   * @return the number of records
   */
  int records() default 0;

  /**
   * The generator's seed: the same seed gives the same records.
   *
   * @return the seed (default 1, the generator's)
   */
  long seed() default 1;

  /**
   * The share of evaluated records with a planted wrong score or pass flag, in [0, 1].
   *
   * @return the share (default 0.05, the generator's)
   */
  double discrepancyShare() default 0.05;

  /**
   * Requests allowed per account per rolling minute; 0 for no limit.
   *
   * @return the limit (default 60, Kore's)
   */
  int rateLimitPerMinute() default 60;

  /**
   * Whether each test gets a fresh simulator or the class shares one.
   *
   * @return the lifecycle (default {@link Lifecycle#PER_TEST})
   */
  Lifecycle lifecycle() default Lifecycle.PER_TEST;

  /** How long one simulator lives. */
  enum Lifecycle {
    /** A fresh simulator for every test method: no faults, requests or rate-limit state carried over. */
    PER_TEST,
    /** One simulator for the whole class (and its nested classes), started before {@code @BeforeAll}. */
    PER_CLASS
  }
}
