package dev.korescore.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The dependency rules of korescore, checked against every module's production classes. Maven's module
 * graph stops an adapter from importing another adapter at compile time; these rules catch what Maven
 * cannot see: third-party libraries leaking into the domain, cycles between packages, generic
 * exceptions, {@code java.util.logging}, and printing from library code.
 */
@AnalyzeClasses(packages = "dev.korescore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String CORE = "dev.korescore.core..";
  static final String SCORING = "dev.korescore.scoring..";
  static final String JSON = "dev.korescore.adapters.json..";
  static final String HTTP = "dev.korescore.adapters.http..";
  static final String JDBC = "dev.korescore.adapters.jdbc..";
  static final String TESTKIT = "dev.korescore.testkit..";
  static final String REPORT = "dev.korescore.report..";
  static final String CLI = "dev.korescore.cli..";

  @ArchTest
  static final ArchRule modules_form_the_documented_layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .ensureAllClassesAreContainedInArchitecture()
          .layer("core").definedBy(CORE)
          .layer("scoring").definedBy(SCORING)
          .layer("adapters-json").definedBy(JSON)
          .layer("adapters-http").definedBy(HTTP)
          .layer("adapters-jdbc").definedBy(JDBC)
          .layer("testkit").definedBy(TESTKIT)
          .layer("report").definedBy(REPORT)
          .layer("app-cli").definedBy(CLI)
          .whereLayer("app-cli").mayNotBeAccessedByAnyLayer()
          .whereLayer("scoring").mayOnlyBeAccessedByLayers("report", "app-cli")
          .whereLayer("report").mayOnlyBeAccessedByLayers("app-cli")
          .whereLayer("adapters-json").mayOnlyBeAccessedByLayers("app-cli")
          .whereLayer("adapters-http").mayOnlyBeAccessedByLayers("app-cli")
          .whereLayer("adapters-jdbc").mayOnlyBeAccessedByLayers("app-cli")
          .whereLayer("testkit").mayOnlyBeAccessedByLayers("app-cli")
          .because("every module depends inward on core, and only app-cli wires the others together");

  @ArchTest
  static final ArchRule core_depends_only_on_the_jdk =
      classes()
          .that().resideInAPackage(CORE)
          .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, "java..", "com.google.common..")
          .because("core is the pure domain: the JDK (and Guava) only, no Jackson, no HTTP, no logging framework");

  @ArchTest
  static final ArchRule scoring_depends_only_on_core =
      classes()
          .that().resideInAPackage(SCORING)
          .should().onlyDependOnClassesThat().resideInAnyPackage(SCORING, CORE, "java..", "com.google.common..")
          .because("the scoring engine is pure logic over the domain, embeddable anywhere");

  @ArchTest
  static final ArchRule report_depends_only_on_scoring_core_and_its_template_engine =
      classes()
          .that().resideInAPackage(REPORT)
          .should().onlyDependOnClassesThat().resideInAnyPackage(
              REPORT, SCORING, CORE, "java..", "com.google.common..", "com.samskivert.mustache..")
          .because("the HTML report renders an AuditSummary for any caller (the CLI, other teams' services,"
              + " the Spark job): the engine's summary in, a page out, nothing else");

  @ArchTest
  static final ArchRule json_adapter_depends_only_on_core_and_jackson =
      classes()
          .that().resideInAPackage(JSON)
          .should().onlyDependOnClassesThat().resideInAnyPackage(
              JSON, CORE, "java..", "com.google.common..", "com.fasterxml.jackson..")
          .because("adapters-json translates Kore's wire format with Jackson and knows nothing else");

  @ArchTest
  static final ArchRule http_adapter_depends_only_on_core_and_http_libraries =
      classes()
          .that().resideInAPackage(HTTP)
          .should().onlyDependOnClassesThat().resideInAnyPackage(
              HTTP, CORE, "java..", "javax.net..", "javax.crypto..", "com.google.common..",
              "retrofit2..", "okhttp3..", "okio..", "kotlin..", "com.nimbusds..", "org.slf4j..")
          .because("adapters-http is the Raw Data client: Retrofit/OkHttp, a JWT library, SLF4J; it moves text,"
              + " and Kore's wire format (core's RawDataWirePort) is injected");

  @ArchTest
  static final ArchRule jackson_only_in_the_json_adapter_and_testkit =
      noClasses()
          .that().resideOutsideOfPackages(JSON, TESTKIT)
          .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
          .because("one home for Kore's wire knowledge: JSON and CSV are read and written in adapters-json"
              + " (testkit, an independent Kore, has its own)");

  @ArchTest
  static final ArchRule jdbc_adapter_depends_only_on_core_and_jdbc_drivers =
      classes()
          .that().resideInAPackage(JDBC)
          .should().onlyDependOnClassesThat().resideInAnyPackage(
              JDBC, CORE, "java..", "com.google.common..", "org.duckdb..")
          .because("adapters-jdbc is the store on plain JDBC (no ORM); only DuckDB's Appender is used beyond java.sql,"
              + " and no other module sees a JDBC driver");

  @ArchTest
  static final ArchRule adapters_do_not_know_each_other =
      slices()
          .matching("dev.korescore.adapters.(*)..")
          .should().notDependOnEachOther()
          .because("each adapter is replaceable on its own; app-cli passes what one needs from another");

  @ArchTest
  static final ArchRule testkit_never_depends_on_the_cli =
      noClasses()
          .that().resideInAPackage(TESTKIT)
          .should().dependOnClassesThat().resideInAPackage(CLI)
          .because("testkit is a published library that other teams' services embed");

  @ArchTest
  static final ArchRule testkit_does_not_reuse_our_adapters =
      noClasses()
          .that().resideInAPackage(TESTKIT)
          .should().dependOnClassesThat().resideInAnyPackage(JSON, HTTP, JDBC, SCORING)
          .because("the simulator and generators are an independent implementation of Kore, so they can test ours");

  @ArchTest
  static final ArchRule nothing_depends_on_the_cli =
      noClasses()
          .that().resideOutsideOfPackage(CLI)
          .should().dependOnClassesThat().resideInAPackage(CLI)
          .because("app-cli is the composition root: nothing may depend on it");

  @ArchTest
  static final ArchRule packages_are_free_of_cycles =
      slices()
          .matching("dev.korescore.(**)")
          .should().beFreeOfCycles()
          .because("cycles make modules impossible to understand or split");

  @ArchTest
  static final ArchRule no_generic_exceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
          .because("expected failures are typed and carry the facts for a good message");

  @ArchTest
  static final ArchRule no_java_util_logging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
          .because("library code logs through SLF4J so that users choose the backend");

  @ArchTest
  static final ArchRule libraries_do_not_print =
      noClasses()
          .that().resideInAnyPackage(CORE, SCORING, JSON, HTTP, JDBC, REPORT)
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("library modules report through return values, exceptions and SLF4J; only the CLI prints");
}
