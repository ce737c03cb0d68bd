package io.cachegen.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.cachegen.annotations.Cached;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes one annotated method's site fields, its override and, for {@code @Cached}, its {@code
 * keyForX} and {@code evictX} helpers.
 */
final class MethodWriter {
  /** What every method of one wrapper shares. */
  record Wrapper(
      Types types,
      ClassName original,
      DeclaredType declared,
      boolean isInterface,
      String delegate,
      boolean staticHelpers,
      KeyExpressions keys) {}

  private final Wrapper wrapper;
  private final CachedMethod m;
  private final ExecutableElement e;
  private final String name;
  private final MethodBodies bodies;

  MethodWriter(Wrapper wrapper, CachedMethod m) {
    this.wrapper = wrapper;
    this.m = m;
    this.e = m.element();
    this.name = e.getSimpleName().toString();
    this.bodies = new MethodBodies(m, wrapper.keys(), call());
  }

  /** Adds the method's site fields, override and helpers; returns its sites. */
  List<SiteFields.Site> write(TypeSpec.Builder type, NameAllocator fieldNames, String base) {
    List<SiteFields.Site> sites = new ArrayList<>();
    SiteFields.Site site = null;
    SiteFields.Site evictSite = null;
    CachedMethod.Store store = m.cached();
    if (store != null) {
      site = site(fieldNames, base + "_SITE");
      type.addField(
          SiteFields.store(site.field(), store, TypeName.get(m.content()), countedName()));
      sites.add(site);
    }
    if (m.evict() != null) {
      evictSite = site(fieldNames, base + "_EVICT");
      type.addField(SiteFields.evict(evictSite.field(), m.evict()));
      sites.add(evictSite);
    }
    type.addMethod(override(site, evictSite));
    if (store != null && !store.put()) {
      type.addMethod(keyHelper(store));
      type.addMethod(evictHelper(site, store));
    }
    return sites;
  }

  /** A site's static field and instance field, named after {@code field} ({@code USER_SITE}). */
  private static SiteFields.Site site(NameAllocator fieldNames, String field) {
    String name = fieldNames.newName(field, "site:" + field);
    return new SiteFields.Site(
        name, fieldNames.newName(SiteFields.lowerCamel(name), "bound:" + name));
  }

  /**
   * The name the method is counted under: {@code UserService.user(long)}, the wrapped type's simple
   * name (with its enclosing types': {@code Outer.Inner}), the method's, and its erased parameter
   * types' simple names.
   */
  private String countedName() {
    String params =
        e.getParameters().stream()
            .map(p -> simpleName(wrapper.types().erasure(p.asType())))
            .collect(Collectors.joining(","));
    return String.join(".", wrapper.original().simpleNames()) + "." + name + "(" + params + ")";
  }

  private static String simpleName(TypeMirror t) {
    return switch (t.getKind()) {
      case ARRAY -> simpleName(((ArrayType) t).getComponentType()) + "[]";
      case DECLARED -> ((DeclaredType) t).asElement().getSimpleName().toString();
      default -> t.toString();
    };
  }

  private CodeBlock link() {
    String params =
        e.getParameters().stream()
            .map(p -> wrapper.types().erasure(p.asType()).toString())
            .collect(Collectors.joining(", "));
    return CodeBlock.of("{@link $T#$L($L)}", wrapper.original(), name, params);
  }

  private String call() {
    return (wrapper.isInterface() ? "this." + wrapper.delegate() : "super")
        + "."
        + name
        + "("
        + arguments()
        + ")";
  }

  private String arguments() {
    return e.getParameters().stream()
        .map(p -> p.getSimpleName().toString())
        .collect(Collectors.joining(", "));
  }

  /** Locals that never clash with the method's parameters. */
  private NameAllocator locals() {
    NameAllocator locals = new NameAllocator();
    for (VariableElement p : e.getParameters()) {
      locals.newName(p.getSimpleName().toString(), p);
    }
    return locals;
  }

  private MethodSpec override(SiteFields.Site site, SiteFields.Site evictSite) {
    MethodSpec.Builder b = MethodSpec.overriding(e, wrapper.declared(), wrapper.types());
    boolean forRemoval = AnnotationCopies.copyDeprecated(e, b);
    CachedMethod.Store store = m.cached();
    if (store != null && !store.put()) {
      b.addJavadoc("Cached $L: key ", link());
      b.addJavadoc(
          store.key().template().isEmpty()
              ? CodeBlock.of("default")
              : CodeBlock.of("<code>$L</code>", javadocText(store.key().template())));
      b.addJavadoc(
          ", alias <code>$L</code>, timeout $L$L.\n",
          javadocText(store.alias()),
          describe(store.timeout()),
          store.nearCache() ? "" : ", read past the alias's near cache");
      if (store.timeout() == 0) {
        b.addComment("timeout = 0: never cached (Django's timeout=0)");
        b.addStatement("return $L", call());
        return AnnotationCopies.suppress(b, forRemoval, false);
      }
      bodies.cached(b, locals(), site, store);
      return AnnotationCopies.suppress(
          b, forRemoval, SiteFields.uncheckedCast(TypeName.get(m.content())));
    }
    b.addJavadoc("Runs $L", link());
    if (store != null) {
      b.addJavadoc(
          ", then stores the result under <code>$L</code> in alias <code>$L</code>",
          store.key().template().isEmpty()
              ? "the default key"
              : javadocText(store.key().template()),
          javadocText(store.alias()));
    }
    if (m.evict() != null) {
      b.addJavadoc(m.evict().beforeInvocation() ? "; evicts first" : "; then evicts");
    }
    b.addJavadoc(".\n");
    bodies.runThenStore(b, locals(), site, evictSite);
    return AnnotationCopies.suppress(b, forRemoval, false);
  }

  private MethodSpec.Builder helper(String helperName) {
    MethodSpec.Builder b = MethodSpec.methodBuilder(helperName).addModifiers(Modifier.PUBLIC);
    if (wrapper.staticHelpers()) {
      b.addModifiers(Modifier.STATIC);
    }
    for (TypeParameterElement t : e.getTypeParameters()) {
      b.addTypeVariable(TypeVariableName.get(t));
    }
    for (VariableElement p : e.getParameters()) {
      b.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
    }
    return b.varargs(e.isVarArgs());
  }

  private MethodSpec keyHelper(CachedMethod.Store store) {
    return helper(Names.keyHelperName(name))
        .addJavadoc(
            "The caller key (before the alias's key function) that $L caches these"
                + " arguments under.\n",
            link())
        .returns(String.class)
        .addStatement("return $L", wrapper.keys().callerKey(store.key(), e))
        .build();
  }

  /**
   * {@code evictX}: a static helper uses the process-wide handler; an instance helper (of a generic
   * type) the handler of its instance.
   */
  private MethodSpec evictHelper(SiteFields.Site site, CachedMethod.Store store) {
    String bound = locals().newName("bound");
    MethodSpec.Builder b =
        helper(Names.evictHelperName(name))
            .addJavadoc(
                "Removes the entry $L cached for these arguments, if any$L.\n",
                link(),
                wrapper.staticHelpers() ? ", in the process-wide handler" : "")
            .addStatement(
                "$T $N = $L",
                RuntimeNames.CACHE_SITE_BOUND,
                bound,
                wrapper.staticHelpers() ? site.bindStatic() : site.bind());
    if (store.key().isConstant()) {
      b.addStatement("$N.remove($N.constantKey())", bound, bound);
    } else {
      b.addStatement(
          "$N.remove($N.makeKey($N($L)))", bound, bound, Names.keyHelperName(name), arguments());
    }
    return b.build();
  }

  private static String describe(int timeout) {
    return switch (timeout) {
      case Cached.DEFAULT_TIMEOUT -> "the alias's default";
      case Cached.NEVER -> "never";
      default -> timeout + " s";
    };
  }

  /** User text made safe inside generated Javadoc: no inline tags, no comment end, no HTML. */
  static String javadocText(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '{' -> sb.append("&#123;");
        case '}' -> sb.append("&#125;");
        case '@' -> sb.append("&#64;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '/' -> sb.append("&#47;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
