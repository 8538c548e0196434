package dev.korescore.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.junit.KoreSimulatorTest.Lifecycle;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs sample test classes (static nested classes, which neither Surefire nor the engine pick up on their
 * own) through the real Jupiter engine, and checks what each test saw and that every simulator was stopped.
 */
class KoreSimulatorExtensionTest {
  /** What the sample tests saw, in order: (where, simulator). */
  static final List<Object[]> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> sample) {
    return runAll(sample).testEvents();
  }

  private static EngineExecutionResults runAll(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
  }

  private static List<KoreSimulator> simulators() {
    return SEEN.stream().map(seen -> (KoreSimulator) seen[1]).toList();
  }

  private static List<String> places() {
    return SEEN.stream().map(seen -> (String) seen[0]).toList();
  }

  static void see(String where, KoreSimulator sim) {
    SEEN.add(new Object[] {where, sim});
    // the injected simulator is serving: a real HTTP request to an unknown path gets its 404
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/public/x")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      SEEN.add(new Object[] {where + ":status=" + response.statusCode(), sim});
    } catch (IOException e) {
      SEEN.add(new Object[] {where + ":unreachable", sim});
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertStopped(KoreSimulator sim) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", sim.port()).close())
        .as("simulator on port %d still listens", sim.port())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void perTestStartsAFreshSimulatorForEachTestInjectsItAndStopsIt() {
    run(PerTestSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(places()).containsExactlyInAnyOrder(
        "beforeEach", "beforeEach:status=404", "test", "test:status=404", "afterEach", "afterEach:status=404",
        "beforeEach", "beforeEach:status=404", "test", "test:status=404", "afterEach", "afterEach:status=404");
    List<KoreSimulator> sims = simulators().stream().distinct().toList();
    assertThat(sims).as("one simulator per test, the same in @BeforeEach, the test and @AfterEach").hasSize(2);
    sims.forEach(KoreSimulatorExtensionTest::assertStopped);
  }

  @Test
  void annotationSettingsChooseTheGeneratedDatasetAndRateLimit() {
    run(SettingsSample.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    SimulatorConfig config = simulators().get(0).config();
    List<String> expected = SimulatorDataset.generated(
            InteractionGenerator.builder().seed(7).count(25).discrepancyShare(0.2).build())
        .records().stream().map(r -> r.wireJson()).toList();
    assertThat(config.dataset().records()).extracting(r -> r.wireJson()).containsExactlyElementsOf(expected);
    assertThat(config.rateLimitPerMinute()).isZero();
  }

  @Test
  void annotationDefaultsMatchTheGeneratorAndSimulatorDefaults() throws Exception {
    KoreSimulatorTest defaults = DefaultsSample.class.getAnnotation(KoreSimulatorTest.class);
    run(DefaultsSample.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(simulators().get(0).config().dataset().size()).isZero();
    assertThat(defaults.records()).isZero();
    assertThat(defaults.lifecycle()).isEqualTo(Lifecycle.PER_TEST);
    assertThat(defaults.rateLimitPerMinute()).isEqualTo(SimulatorConfig.defaults().rateLimitPerMinute());
    // the annotation's generator defaults are the generator's own: same records for the same count
    List<String> byAnnotationDefaults = SimulatorDataset.generated(InteractionGenerator.builder()
            .seed(defaults.seed()).discrepancyShare(defaults.discrepancyShare()).count(50).build())
        .records().stream().map(r -> r.wireJson()).toList();
    List<String> byGeneratorDefaults = SimulatorDataset.generated(InteractionGenerator.builder().count(50).build())
        .records().stream().map(r -> r.wireJson()).toList();
    assertThat(byAnnotationDefaults).isEqualTo(byGeneratorDefaults);
  }

  @Test
  void perClassSharesOneSimulatorFromBeforeAllAndTheConstructorThroughNestedClasses() {
    run(PerClassSample.class).assertStatistics(stats -> stats.started(3).succeeded(3));

    assertThat(places()).contains("beforeAll", "constructor", "test", "nested");
    assertThat(simulators().stream().distinct()).as("one simulator for the class and its nested class").hasSize(1);
    assertStopped(simulators().get(0));
  }

  @Test
  void perTestRefusesInjectionIntoBeforeAllWithAClearMessage() {
    EngineExecutionResults results = runAll(PerTestIntoBeforeAllSample.class);

    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(places()).isEmpty();
    results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(ParameterResolutionException.class),
        message(m -> m.contains("started per test") && m.contains("use lifecycle PER_CLASS")))));
  }

  @Test
  void programmaticPerClassExtensionUsesTheSuppliedConfig() {
    run(ProgrammaticSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(simulators().stream().distinct()).hasSize(1);
    assertThat(simulators().get(0).accountId()).isEqualTo("acct-programmatic");
    assertStopped(simulators().get(0));
  }

  @Test
  void aFailingTestStillStopsItsSimulator() {
    Events events = run(FailingSample.class);

    events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message("planned failure"))));
    assertStopped(simulators().get(0));
  }

  @Test
  void perClassOnAnInstanceFieldIsRefusedBeforeAnyTestRuns() {
    Events events = run(LateRegistrationSample.class);

    events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
        message(m -> m.contains("register it on a static field")))));
    assertThat(places()).isEmpty();
  }

  // ---- samples: run only through EngineTestKit ----

  @KoreSimulatorTest
  static class PerTestSample {
    @BeforeEach
    void before(KoreSimulator sim) {
      see("beforeEach", sim);
    }

    @Test
    void one(KoreSimulator sim) {
      see("test", sim);
    }

    @Test
    void two(KoreSimulator sim) {
      see("test", sim);
    }

    @AfterEach
    void after(KoreSimulator sim) {
      see("afterEach", sim);
    }
  }

  @KoreSimulatorTest(records = 25, seed = 7, discrepancyShare = 0.2, rateLimitPerMinute = 0)
  static class SettingsSample {
    @Test
    void test(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
    }
  }

  @KoreSimulatorTest
  static class DefaultsSample {
    @Test
    void test(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
    }
  }

  @KoreSimulatorTest(lifecycle = Lifecycle.PER_CLASS)
  static class PerClassSample {
    @BeforeAll
    static void beforeAll(KoreSimulator sim) {
      SEEN.add(new Object[] {"beforeAll", sim});
    }

    PerClassSample(KoreSimulator sim) {
      SEEN.add(new Object[] {"constructor", sim});
    }

    @Test
    void one(KoreSimulator sim) {
      see("test", sim);
    }

    @Test
    void two(KoreSimulator sim) {
      see("test", sim);
    }

    @Nested
    class Inner {
      @Test
      void nested(KoreSimulator sim) {
        SEEN.add(new Object[] {"nested", sim});
      }
    }
  }

  @KoreSimulatorTest
  static class PerTestIntoBeforeAllSample {
    @BeforeAll
    static void beforeAll(KoreSimulator sim) {
      SEEN.add(new Object[] {"beforeAll", sim});
    }

    @Test
    void test(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
    }
  }

  static class ProgrammaticSample {
    @RegisterExtension
    static final KoreSimulatorExtension KORE = KoreSimulatorExtension.perClass(
        () -> SimulatorConfig.builder().accountId("acct-programmatic").rateLimitPerMinute(0).build());

    @Test
    void one(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
    }

    @Test
    void two(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
    }
  }

  @KoreSimulatorTest
  static class FailingSample {
    @Test
    void test(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
      throw new AssertionError("planned failure");
    }
  }

  static class LateRegistrationSample {
    @RegisterExtension
    final KoreSimulatorExtension kore = KoreSimulatorExtension.perClass(SimulatorConfig::defaults);

    @Test
    void test(KoreSimulator sim) {
      SEEN.add(new Object[] {"test", sim});
    }
  }
}
