package dev.korescore.cli.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a module's public API as text, from its compiled classes by reflection: every public type (and
 * public or protected nested type of one) with its kind, modifiers, type parameters, supertypes and permitted
 * subclasses, and its declared public and protected fields, constructors and methods with generic
 * signatures and {@code throws} clauses. Sorted, one member per line, so that a change shows as a small diff.
 * Inherited members are not repeated; synthetic and bridge members are left out.
 */
final class ApiDump {
  private ApiDump() {}

  /** The API of the classes under {@code classesDirectory}, loaded (not initialised) by {@code loader}. */
  static String of(Path classesDirectory, ClassLoader loader) {
    List<Class<?>> types = new ArrayList<>();
    for (String name : classNames(classesDirectory)) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("compiled class " + name + " is not on the test class path", e);
      }
      if (isApi(type)) {
        types.add(type);
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    StringBuilder out = new StringBuilder();
    for (Class<?> type : types) {
      out.append(header(type)).append(" {\n");
      members(type).forEach(line -> out.append("  ").append(line).append('\n'));
      out.append("}\n\n");
    }
    return out.toString();
  }

  private static List<String> classNames(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(root::relativize).map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class") && !f.endsWith("package-info.class"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Public top-level types, and public or protected member types of API types. */
  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    int modifiers = type.getModifiers();
    if (type.getDeclaringClass() == null) {
      return Modifier.isPublic(modifiers);
    }
    return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isApi(type.getDeclaringClass());
  }

  private static String header(Class<?> type) {
    List<String> words = new ArrayList<>();
    int modifiers = type.getModifiers();
    words.add(Modifier.isPublic(modifiers) ? "public" : "protected");
    if (type.getDeclaringClass() != null && Modifier.isStatic(modifiers) && !type.isInterface() && !type.isEnum()
        && !type.isRecord()) {
      words.add("static");
    }
    if (Modifier.isAbstract(modifiers) && !type.isInterface() && !type.isEnum()) {
      words.add("abstract");
    }
    if (Modifier.isFinal(modifiers) && !type.isEnum() && !type.isRecord()) {
      words.add("final");
    }
    if (type.isSealed()) {
      words.add("sealed");
    } else if (!Modifier.isFinal(modifiers) && !type.isEnum() && !type.isRecord() && extendsSealed(type)) {
      words.add("non-sealed");
    }
    words.add(type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
        : type.isRecord() ? "record" : "class");
    StringBuilder header = new StringBuilder(String.join(" ", words)).append(' ').append(type.getName())
        .append(typeParameters(type));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      header.append(" extends ").append(superclass.getTypeName());
    }
    List<String> interfaces = Arrays.stream(type.getGenericInterfaces()).map(Type::getTypeName)
        .filter(name -> !type.isAnnotation() || !name.equals("java.lang.annotation.Annotation")).toList();
    if (!interfaces.isEmpty()) {
      header.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
    }
    if (type.isSealed()) {
      header.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted()
          .collect(Collectors.joining(", ")));
    }
    return header.toString();
  }

  private static boolean extendsSealed(Class<?> type) {
    return type.getSuperclass() != null && type.getSuperclass().isSealed()
        || Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
  }

  private static List<String> members(Class<?> type) {
    List<String> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!field.isSynthetic() && isVisible(field.getModifiers())) {
        fields.add(modifiers(field.getModifiers() & Modifier.fieldModifiers() & ~Modifier.TRANSIENT & ~Modifier.VOLATILE)
            + field.getGenericType().getTypeName() + " " + field.getName());
      }
    }
    List<String> constructors = new ArrayList<>();
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (!constructor.isSynthetic() && isVisible(constructor.getModifiers())) {
        constructors.add(modifiers(constructor.getModifiers() & Modifier.constructorModifiers())
            + typeParametersWithSpace(constructor) + "<init>" + parameters(constructor) + exceptions(constructor));
      }
    }
    List<String> methods = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      if (!method.isSynthetic() && !method.isBridge() && isVisible(method.getModifiers())) {
        int modifiers = method.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
            | Modifier.ABSTRACT);
        if (type.isInterface()) {
          modifiers &= ~Modifier.ABSTRACT;
        }
        String line = modifiers(modifiers) + (method.isDefault() ? "default " : "") + typeParametersWithSpace(method)
            + method.getGenericReturnType().getTypeName() + " " + method.getName() + parameters(method)
            + exceptions(method);
        if (method.getDefaultValue() != null) {
          line += " default " + annotationValue(method.getDefaultValue());
        }
        methods.add(line);
      }
    }
    fields.sort(null);
    constructors.sort(null);
    methods.sort(null);
    List<String> all = new ArrayList<>(fields);
    all.addAll(constructors);
    all.addAll(methods);
    return all;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String modifiers(int modifiers) {
    String text = Modifier.toString(modifiers);
    return text.isEmpty() ? "" : text + " ";
  }

  private static String typeParametersWithSpace(GenericDeclaration declaration) {
    String parameters = typeParameters(declaration);
    return parameters.isEmpty() ? "" : parameters + " ";
  }

  private static String typeParameters(GenericDeclaration declaration) {
    TypeVariable<?>[] variables = declaration.getTypeParameters();
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables).map(v -> {
      List<String> bounds = Arrays.stream(v.getBounds()).map(Type::getTypeName)
          .filter(b -> !b.equals("java.lang.Object")).toList();
      return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
    }).collect(Collectors.joining(", ", "<", ">"));
  }

  private static String parameters(Executable executable) {
    Type[] types = executable.getGenericParameterTypes();
    if (types.length != executable.getParameterCount()) {
      // an inner class's or enum's constructor: generic types leave out the implicit parameters
      types = executable.getParameterTypes();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String name = types[i].getTypeName();
      if (executable.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    return "(" + String.join(", ", names) + ")";
  }

  private static String exceptions(Executable executable) {
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length == 0) {
      return "";
    }
    return " throws " + Arrays.stream(exceptions).map(Type::getTypeName).sorted().collect(Collectors.joining(", "));
  }

  private static String annotationValue(Object value) {
    if (value instanceof String text) {
      return '"' + text + '"';
    }
    if (value instanceof Class<?> type) {
      return type.getName() + ".class";
    }
    if (value instanceof Enum<?> constant) {
      return constant.getDeclaringClass().getName() + "." + constant.name();
    }
    if (value.getClass().isArray()) {
      int length = java.lang.reflect.Array.getLength(value);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        items.add(annotationValue(java.lang.reflect.Array.get(value, i)));
      }
      return "{" + String.join(", ", items) + "}";
    }
    return String.valueOf(value);
  }
}
