package dev.korescore.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.korescore.core.archfixture.ViolatesTheRules;
import dev.korescore.report.archfixture.ReportReachesForAnAdapter;
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
}
