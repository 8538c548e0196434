package dev.korescore.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.korescore.core.archfixture.ViolatesTheRules;
import dev.korescore.adapters.http.archfixture.HttpAdapterParsesJson;
import dev.korescore.adapters.json.archfixture.JsonAdapterCallsKore;
import dev.korescore.core.archfixture.cycle.a.Left;
import dev.korescore.core.archfixture.cycle.b.Right;
import dev.korescore.report.archfixture.ReportReachesForAnAdapter;
import dev.korescore.scoring.archfixture.ScoringParsesJson;
import dev.korescore.testkit.archfixture.TestkitReusesOurs;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Proves the rules bite: a deliberately violating class in a core package breaks them, by name. */
class ArchitectureRulesCanFailTest {

  private final JavaClasses fixture = new ClassFileImporter().importClasses(ViolatesTheRules.class);
  private final JavaClasses badReport = new ClassFileImporter().importClasses(ReportReachesForAnAdapter.class);

  @Test
  void genericExceptionRuleNamesTheViolatingClass() {
    EvaluationResult result = ArchitectureTest.no_generic_exceptions.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains(ViolatesTheRules.class.getName())
        .contains("RuntimeException");
  }

  @Test
  void julRuleNamesTheViolatingClass() {
    EvaluationResult result = ArchitectureTest.no_java_util_logging.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains(ViolatesTheRules.class.getName())
        .contains("java.util.logging");
  }

  @Test
  void coreRuleRejectsAThirdPartyDependency() {
    EvaluationResult result = ArchitectureTest.core_depends_only_on_the_jdk.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("picocli");
  }

  @Test
  void libraryPrintingRuleCatchesSystemOut() {
    EvaluationResult result = ArchitectureTest.libraries_do_not_print.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
  }

  @Test
  void reportRuleRejectsAnAdapter() {
    EvaluationResult result =
        ArchitectureTest.report_depends_only_on_scoring_core_and_its_template_engine.evaluate(badReport);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains(ReportReachesForAnAdapter.class.getName())
        .contains("JacksonInteractionReaderAdapter");
  }

  @Test
  void layerRuleRejectsTheReportReachingForAnAdapter() {
    // the layer rule needs every layer populated: every production class, plus the bad one
    ImportOption productionAndTheBadReport = location ->
        new ImportOption.DoNotIncludeTests().includes(location) || location.contains("/report/archfixture/");
    JavaClasses classes = new ClassFileImporter().withImportOption(productionAndTheBadReport)
        .importPackages("dev.korescore");
    EvaluationResult result = ArchitectureTest.modules_form_the_documented_layers.evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(ReportReachesForAnAdapter.class.getName());
  }

  private static void violates(ArchRule rule, Class<?> fixture, String named) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(fixture.getName()).contains(named);
  }

  @Test
  void scoringRuleRejectsJackson() {
    violates(ArchitectureTest.scoring_depends_only_on_core, ScoringParsesJson.class, "com.fasterxml.jackson");
  }

  @Test
  void jacksonRuleRejectsJacksonOutsideTheJsonAdapter() {
    violates(ArchitectureTest.jackson_only_in_the_json_adapter_and_testkit, ScoringParsesJson.class, "ObjectMapper");
    violates(ArchitectureTest.jackson_only_in_the_json_adapter_and_testkit, HttpAdapterParsesJson.class, "ObjectMapper");
  }

  @Test
  void httpRuleRejectsJackson() {
    violates(ArchitectureTest.http_adapter_depends_only_on_core_and_http_libraries, HttpAdapterParsesJson.class,
        "ObjectMapper");
  }

  @Test
  void jdbcRuleRejectsJackson() {
    violates(ArchitectureTest.jdbc_adapter_depends_only_on_core_and_jdbc_drivers,
        dev.korescore.adapters.jdbc.archfixture.StoreParsesJson.class, "ObjectMapper");
  }

  @Test
  void jsonRuleAndAdapterIndependenceRejectTheHttpAdapter() {
    violates(ArchitectureTest.json_adapter_depends_only_on_core_and_jackson, JsonAdapterCallsKore.class,
        "RetrofitRawDataAdapter");
    EvaluationResult result = ArchitectureTest.adapters_do_not_know_each_other.evaluate(
        new ClassFileImporter().importClasses(JsonAdapterCallsKore.class, dev.korescore.adapters.http.RetrofitRawDataAdapter.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(JsonAdapterCallsKore.class.getName());
  }

  @Test
  void testkitRulesRejectOurEngineAndTheCli() {
    violates(ArchitectureTest.testkit_does_not_reuse_our_adapters, TestkitReusesOurs.class, "KoreAuditor");
    violates(ArchitectureTest.testkit_never_depends_on_the_cli, TestkitReusesOurs.class, "KorescoreCommand");
    violates(ArchitectureTest.nothing_depends_on_the_cli, TestkitReusesOurs.class, "KorescoreCommand");
  }

  @Test
  void cycleRuleRejectsTwoPackagesThatNeedEachOther() {
    EvaluationResult result = ArchitectureTest.packages_are_free_of_cycles.evaluate(
        new ClassFileImporter().importClasses(Left.class, Right.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(Left.class.getName()).contains(Right.class.getName());
  }

  @Test
  void everyRuleIsProvenToFail() throws IllegalAccessException {
    // a new rule needs its proof here: the names of the rules each test above evaluates
    java.util.Set<String> proven = java.util.Set.of("modules_form_the_documented_layers", "core_depends_only_on_the_jdk",
        "scoring_depends_only_on_core", "report_depends_only_on_scoring_core_and_its_template_engine",
        "json_adapter_depends_only_on_core_and_jackson", "http_adapter_depends_only_on_core_and_http_libraries",
        "jackson_only_in_the_json_adapter_and_testkit", "jdbc_adapter_depends_only_on_core_and_jdbc_drivers",
        "adapters_do_not_know_each_other",
        "testkit_never_depends_on_the_cli", "testkit_does_not_reuse_our_adapters", "nothing_depends_on_the_cli",
        "packages_are_free_of_cycles", "no_generic_exceptions", "no_java_util_logging", "libraries_do_not_print");
    java.util.Set<String> rules = new java.util.TreeSet<>();
    for (java.lang.reflect.Field field : ArchitectureTest.class.getDeclaredFields()) {
      if (field.getType() == ArchRule.class) {
        rules.add(field.getName());
      }
    }
    assertThat(rules).isEqualTo(new java.util.TreeSet<>(proven));
  }
}
