package io.cachegen.processor.model;

import io.cachegen.processor.base.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves key templates against a method's parameters at compile time into a {@link KeyModel}
 * (placeholders become property paths: record components, getters, accessible fields), checking
 * that every value in a key has a stable, content-based text form ({@link TypeStability}). Builds
 * the default key for an empty template.
 *
 * <p>Values render through {@code KeyParts} (see its Javadoc for the forms); records render
 * component-wise through static helpers written into the generated class ({@link
 * KeyModel.RecordForm}), never through their {@code toString()}. A placeholder followed by text and
 * another placeholder escapes the first character of that text; templates where that cannot
 * separate the values are rejected ({@link TemplateChecks}). A {@code null} anywhere along a
 * property path renders as {@code \0}. A {@code {#param}} placeholder is the key's hash tag ({@link
 * KeyModel.Argument#hashTag()}); literal braces never reach a key ({@link KeyTemplate} rejects
 * them).
 */
public final class KeyResolver {
  /**
   * Characters every key form escapes already, so a template separator among them needs no escape
   * of its own (braces are among them, though templates never hold literal ones): a compile-time
   * copy of the runtime's {@code KeyParts.STRUCTURAL} (the owner; the processor does not depend on
   * the runtime), checked equal to it by a test.
   */
  static final String KEY_PARTS_STRUCTURAL = "\\:,[]={}";

  private final Types types;
  private final Elements elements;
  private final KeyTypes keyTypes;
  private final TypeStability stability;
  private final PropertyLookup properties;

  public KeyResolver(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.keyTypes = new KeyTypes(types, elements);
    this.stability = new TypeStability(types, keyTypes);
    this.properties = new PropertyLookup(types, elements);
  }

  /** A resolved key or the error to print. */
  public record Result(KeyModel key, Messages error, Object[] args) {
    static Result ok(KeyModel key) {
      return new Result(key, null, null);
    }

    static Result error(Messages error, Object... args) {
      return new Result(null, error, args);
    }

    /** Whether the template could not be resolved; then {@link #message()} says why. */
    public boolean isError() {
      return error != null;
    }

    /** The diagnostic to print, {@code [Tag] text}. */
    public String message() {
      return error.format(args);
    }
  }

  /** One placeholder's argument, or why it cannot be resolved. */
  private record Resolved(KeyModel.Argument argument, Result error) {}

  /**
   * Resolves {@code template} for {@code method}; an empty template yields the default key of
   * {@code owner.method(paramTypes)} and its arguments.
   */
  public Result resolve(TypeElement owner, ExecutableElement method, String template) {
    KeyForms forms = new KeyForms(elements, keyTypes, owner);
    if (template.isEmpty()) {
      return defaultKey(owner, method, forms);
    }
    KeyTemplate parsed;
    try {
      parsed = KeyTemplate.parse(template);
    } catch (KeyTemplate.SyntaxException e) {
      Object[] details = e.details();
      Object[] args = new Object[details.length + 1];
      args[0] = template;
      System.arraycopy(details, 0, args, 1, details.length);
      return Result.error(e.message(), args);
    }
    Result ambiguous = TemplateChecks.ambiguity(parsed);
    if (ambiguous != null) {
      return ambiguous;
    }
    PackageElement pkg = elements.getPackageOf(owner);
    List<KeyModel.Part> parts = new ArrayList<>();
    List<KeyTemplate.Segment> segments = parsed.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i) instanceof KeyTemplate.Literal l) {
        parts.add(new KeyModel.Text(l.text()));
        continue;
      }
      Character escaped = null;
      if (i + 2 < segments.size()) {
        // Not escaped in forms already: escape it in this value, so no value can contain it.
        char separator = ((KeyTemplate.Literal) segments.get(i + 1)).text().charAt(0);
        escaped = KEY_PARTS_STRUCTURAL.indexOf(separator) < 0 ? separator : null;
      }
      Resolved r =
          placeholder(
              template, method, (KeyTemplate.Placeholder) segments.get(i), pkg, forms, escaped);
      if (r.error() != null) {
        return r.error();
      }
      parts.add(r.argument());
    }
    return Result.ok(new KeyModel(template, List.copyOf(parts), forms.records()));
  }

  private Resolved placeholder(
      String template,
      ExecutableElement method,
      KeyTemplate.Placeholder p,
      PackageElement pkg,
      KeyForms forms,
      Character escaped) {
    VariableElement param = null;
    for (VariableElement v : method.getParameters()) {
      if (v.getSimpleName().contentEquals(p.root())) {
        param = v;
      }
    }
    if (param == null) {
      List<String> names = new ArrayList<>();
      method.getParameters().forEach(v -> names.add(v.getSimpleName().toString()));
      return new Resolved(
          null,
          Result.error(
              Messages.UNKNOWN_NAME,
              template,
              p.written() + " names no parameter of " + method.getSimpleName() + "()",
              names.isEmpty() ? "none (the method has no parameters)" : String.join(", ", names)));
    }
    TypeMirror type = param.asType();
    String walked = p.root();
    List<KeyModel.Property> path = new ArrayList<>();
    for (String prop : p.path()) {
      PropertyLookup.Found found = properties.find(type, prop, pkg);
      if (found == null) {
        Set<String> valid = properties.names(type, pkg);
        return new Resolved(
            null,
            Result.error(
                Messages.UNKNOWN_NAME,
                template,
                p.written()
                    + ": "
                    + types.erasure(type)
                    + " (type of "
                    + walked
                    + ") has no accessible property '"
                    + prop
                    + "'",
                valid.isEmpty() ? "none" : String.join(", ", valid)));
      }
      path.add(found.property());
      type = found.type();
      walked = walked + "." + prop;
    }
    String problem = stability.problem(type);
    if (problem != null) {
      return new Resolved(
          null,
          Result.error(
              Messages.UNSTABLE_KEY,
              p.written() + " of type " + type,
              problem,
              suggestedPath(p.text(), type, pkg)));
    }
    return new Resolved(
        forms.argument(
            param.getSimpleName().toString(), List.copyOf(path), type, escaped, p.hashTag()),
        null);
  }

  private Result defaultKey(TypeElement owner, ExecutableElement method, KeyForms forms) {
    List<KeyModel.Part> parts = new ArrayList<>();
    StringBuilder head =
        new StringBuilder(owner.getQualifiedName())
            .append('.')
            .append(method.getSimpleName())
            .append('(');
    List<String> paramTypes = new ArrayList<>();
    for (VariableElement v : method.getParameters()) {
      paramTypes.add(types.erasure(v.asType()).toString());
    }
    head.append(String.join(",", paramTypes)).append(')');
    parts.add(new KeyModel.Text(head.toString()));
    for (VariableElement v : method.getParameters()) {
      String problem = stability.problem(v.asType());
      if (problem != null) {
        return Result.error(
            Messages.UNSTABLE_KEY,
            "parameter '" + v.getSimpleName() + "' of type " + v.asType(),
            problem,
            suggestedPath(v.getSimpleName().toString(), v.asType(), elements.getPackageOf(method)));
      }
      parts.add(new KeyModel.Text(":"));
      parts.add(forms.argument(v.getSimpleName().toString(), List.of(), v.asType(), null, false));
    }
    return Result.ok(new KeyModel("", List.copyOf(parts), forms.records()));
  }

  /**
   * A placeholder to suggest instead of {@code {path}} of an unstable {@code type}: one of its
   * properties with a stable key form ({@code id} first), else a generic hint.
   */
  private String suggestedPath(String path, TypeMirror type, PackageElement pkg) {
    List<String> stable = new ArrayList<>();
    for (String prop : properties.names(type, pkg)) {
      PropertyLookup.Found found = properties.find(type, prop, pkg);
      if (found != null && stability.problem(found.type()) == null) {
        stable.add(prop);
      }
    }
    String pick = stable.contains("id") ? "id" : stable.isEmpty() ? null : stable.get(0);
    return "..." + "{" + path + "." + (pick == null ? "<property>" : pick) + "}";
  }
}
