package dev.korescore.cli.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The reactor as its POMs describe it: the modules the root POM lists, their artifact ids, packaging and
 * Java module names, and the artifacts the BOM publishes. Read from the files, so that the tests check
 * what a release would publish.
 */
final class PublishedModules {
  /** The repository root: app-cli's tests run in app-cli/. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private PublishedModules() {}

  /** One reactor module. */
  record Module(String directory, String artifactId, String packaging, Optional<String> moduleName) {
    Path path() {
      return ROOT.resolve(directory);
    }

    boolean isJar() {
      return packaging.equals("jar");
    }
  }

  /** Every module the root POM lists, in its order. */
  static List<Module> reactor() {
    List<Module> modules = new ArrayList<>();
    for (String directory : texts(root(read(ROOT.resolve("pom.xml"))), "modules", "module")) {
      Element pom = root(read(ROOT.resolve(directory).resolve("pom.xml")));
      modules.add(new Module(directory, text(pom, "artifactId").orElseThrow(),
          text(pom, "packaging").orElse("jar"), child(pom, "properties").flatMap(p -> text(p, "korescore.module.name"))));
    }
    return modules;
  }

  /** The artifact ids the BOM lists, in its order. */
  static List<String> bomArtifacts() {
    Element management = child(root(bom()), "dependencyManagement").orElseThrow();
    return texts(management, "dependencies", "dependency", "artifactId");
  }

  static Document bom() {
    return read(ROOT.resolve("bom/pom.xml"));
  }

  static String version(Document pom) {
    return text(root(pom), "version").orElseThrow();
  }

  static Document read(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(Files.newInputStream(pom));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + pom + ": " + e.getMessage(), e);
    }
  }

  static Element root(Document document) {
    return document.getDocumentElement();
  }

  /** The text of the direct child {@code name} of {@code parent}. */
  static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim());
  }

  static Optional<Element> child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node node = children.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  /** Follows the path of direct children; the last step may repeat (all matches, in order). */
  static List<String> texts(Element parent, String... path) {
    List<Element> level = List.of(parent);
    for (int step = 0; step < path.length; step++) {
      List<Element> next = new ArrayList<>();
      for (Element element : level) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
          if (children.item(i) instanceof Element child && child.getTagName().equals(path[step])) {
            next.add(child);
          }
        }
      }
      level = next;
    }
    return level.stream().map(e -> e.getTextContent().trim()).toList();
  }
}
