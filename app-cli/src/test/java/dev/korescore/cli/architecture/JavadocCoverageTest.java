package dev.korescore.cli.architecture;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.korescore.cli.architecture.PublishedModules.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public type, method and constructor of every library module has a javadoc comment (javadoc's own
 * doclint checks their content when the javadoc jar is built). Reads the sources with javac's parser only:
 * fast, and independent of the javadoc run. Overrides ({@code @Override}) inherit their comment; record
 * constructors are documented by the record's {@code @param} tags.
 */
class JavadocCoverageTest {

  static Stream<Module> libraries() {
    return PublicApiTest.libraries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraries")
  void everyPublicTypeAndMethodHasAJavadocComment(Module module) throws IOException {
    Path sources = module.path().resolve("src/main/java");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).sorted().toList();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> missing = new ArrayList<>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      JavacTask task = (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null, units);
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        new MissingComments(unit, docs, PublishedModules.ROOT, missing).scan(unit, null);
      }
    }
    if (!missing.isEmpty()) {
      fail(module.artifactId() + ": " + missing.size() + " public types or methods without a javadoc comment:\n"
          + String.join("\n", missing));
    }
  }

  /** Collects the undocumented API declarations of one file. */
  private static final class MissingComments extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final DocTrees docs;
    private final Path root;
    private final List<String> missing;

    MissingComments(CompilationUnitTree unit, DocTrees docs, Path root, List<String> missing) {
      this.unit = unit;
      this.docs = docs;
      this.root = root;
      this.missing = missing;
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      if (!isApi(getCurrentPath())) {
        return null; // nothing inside a non-API type is API
      }
      check(type.getSimpleName().toString());
      return super.visitClass(type, unused);
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      TreePath path = getCurrentPath();
      boolean override = method.getModifiers().getAnnotations().stream()
          .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
      boolean recordConstructor = method.getName().contentEquals("<init>")
          && enclosing(path).getKind() == Tree.Kind.RECORD;
      if (isApi(path) && !override && !recordConstructor) {
        String name = method.getName().contentEquals("<init>")
            ? ((ClassTree) enclosing(path)).getSimpleName() + "(...)"
            : method.getName() + "(...)";
        check(((ClassTree) enclosing(path)).getSimpleName() + "." + name);
      }
      return null; // no API inside a method body
    }

    private void check(String what) {
      if (docs.getDocComment(getCurrentPath()) == null) {
        long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
        missing.add("  " + root.relativize(Path.of(unit.getSourceFile().toUri())) + ":" + line + ": " + what);
      }
    }

    private static Tree enclosing(TreePath path) {
      return path.getParentPath().getLeaf();
    }

    /** Public or protected (explicitly, or implicitly as an interface member), in types that are API too. */
    private static boolean isApi(TreePath path) {
      for (TreePath p = path; p != null && !(p.getLeaf() instanceof CompilationUnitTree); p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        ModifiersTree modifiers = leaf instanceof ClassTree c ? c.getModifiers()
            : leaf instanceof MethodTree m ? m.getModifiers() : null;
        if (modifiers == null) {
          return false; // a declaration inside a block or an initializer
        }
        Tree owner = p.getParentPath().getLeaf();
        boolean inInterface = owner instanceof ClassTree o
            && (o.getKind() == Tree.Kind.INTERFACE || o.getKind() == Tree.Kind.ANNOTATION_TYPE);
        boolean visible = modifiers.getFlags().contains(Modifier.PUBLIC)
            || modifiers.getFlags().contains(Modifier.PROTECTED)
            || inInterface && !modifiers.getFlags().contains(Modifier.PRIVATE);
        if (!visible) {
          return false;
        }
      }
      return true;
    }
  }
}
