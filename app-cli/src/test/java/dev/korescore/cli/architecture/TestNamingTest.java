package dev.korescore.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * One test-naming style in every module: test methods are named in lowerCamelCase sentences
 * ({@code readsACutGzipUpToTheLastWholeRecord}), never snake_case. Reads every module's test sources with
 * javac's parser (the same way as {@link JavadocCoverageTest}), so a new module is covered without a list.
 */
class TestNamingTest {
  private static final Set<String> TEST_ANNOTATIONS =
      Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate", "Property");
  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

  @Test
  void everyTestMethodInEveryModuleIsNamedInCamelCase() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(PublishedModules.ROOT)) {
      files = walk.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/test/java/"))
          .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/node_modules/"))
          .sorted().toList();
    }
    assertThat(files).as("test sources found under %s", PublishedModules.ROOT).hasSizeGreaterThan(50);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> offenders = offenders(compiler, fileManager.getJavaFileObjectsFromPaths(files));
      assertThat(offenders).as("test methods not named in camelCase").isEmpty();
    }
  }

  @Test
  void theCheckFindsASnakeCaseTestMethod() throws IOException {
    JavaFileObject fixture = new SimpleJavaFileObject(URI.create("string:///Fixture.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return "class Fixture {\n"
            + "  @org.junit.jupiter.api.Test void a_snake_case_name() {}\n"
            + "  @ParameterizedTest void aCamelCaseName(int x) {}\n"
            + "  void a_helper_is_not_a_test() {}\n"
            + "}\n";
      }
    };
    assertThat(offenders(ToolProvider.getSystemJavaCompiler(), List.of(fixture)))
        .containsExactly("string:///Fixture.java: a_snake_case_name");
  }

  private static List<String> offenders(JavaCompiler compiler, Iterable<? extends JavaFileObject> units)
      throws IOException {
    JavacTask task = (JavacTask) compiler.getTask(null, null, null, List.of("-proc:none"), null, units);
    List<String> offenders = new ArrayList<>();
    for (CompilationUnitTree unit : task.parse()) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree method, Void unused) {
          String name = method.getName().toString();
          boolean test = method.getModifiers().getAnnotations().stream().map(TestNamingTest::simpleName)
              .anyMatch(TEST_ANNOTATIONS::contains);
          if (test && !CAMEL_CASE.matcher(name).matches()) {
            offenders.add(PublishedModules.ROOT.toUri().relativize(unit.getSourceFile().toUri()) + ": " + name);
          }
          return super.visitMethod(method, unused);
        }
      }.scan(unit, null);
    }
    return offenders;
  }

  private static String simpleName(AnnotationTree annotation) {
    String type = annotation.getAnnotationType().toString();
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
