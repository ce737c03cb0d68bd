package io.cachegen.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.cachegen.annotations.Cached;
import io.cachegen.processor.model.CachedMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The {@code static final CacheSite} fields of an annotated method, built once from named options
 * that say only what differs from the annotations' defaults: {@code CacheSite.cached("users",
 * ValueType.of(User.class)).timeout(Timeout.seconds(60)).build()}, {@code CacheSite.put(...)} for a
 * {@code @CachePut}, {@code CacheSite.evict(...)} for evictions.
 */
final class SiteFields {
  private SiteFields() {}

  /**
   * One site's two fields: the {@code static final CacheSite} ({@code USER_SITE}) and the
   * instance's {@code CacheSite.Bound} ({@code userSite}), the site bound to the handler the
   * instance was constructed with, or {@code null} for the process-wide handler.
   */
  record Site(String field, String bound) {
    /**
     * The bound site, in an instance method: the one resolved at construction, else the
     * process-wide handler's ({@code bind()}, one volatile read).
     */
    CodeBlock bind() {
      return CodeBlock.of("this.$N != null ? this.$N : $N.bind()", bound, bound, field);
    }

    /** The bound site in a static helper: always the process-wide handler's. */
    CodeBlock bindStatic() {
      return CodeBlock.of("$N.bind()", field);
    }
  }

  /** {@code private final CacheSite.Bound userSite;}, assigned by every constructor. */
  static FieldSpec bound(Site site) {
    return FieldSpec.builder(
            RuntimeNames.CACHE_SITE_BOUND, site.bound(), Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc(
            "{@code $N} bound to the handler this instance was constructed with; {@code null}: the"
                + " process-wide handler.\n",
            site.field())
        .build();
  }

  /** {@code USER_BY_ID_SITE} → {@code userByIdSite}. */
  static String lowerCamel(String upperSnake) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : upperSnake.toCharArray()) {
      if (c == '_') {
        upper = sb.length() > 0;
      } else {
        sb.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return sb.toString();
  }

  /**
   * The site of a {@code @Cached} or {@code @CachePut} method storing {@code valueType}; a
   * {@code @Cached} site is counted under {@code method} ({@code UserService.user(long)}).
   */
  static FieldSpec store(String site, CachedMethod.Store store, TypeName valueType, String method) {
    CodeBlock start =
        store.put()
            ? CodeBlock.of("$T.put($S)", RuntimeNames.CACHE_SITE, store.alias())
            : CodeBlock.of(
                "$T.cached($S, $L)", RuntimeNames.CACHE_SITE, store.alias(), valueType(valueType));
    List<CodeBlock> steps = new ArrayList<>();
    if (store.timeout() != Cached.DEFAULT_TIMEOUT) {
      steps.add(CodeBlock.of("timeout($L)", timeout(store.timeout())));
    }
    if (!store.cacheNull()) {
      steps.add(CodeBlock.of("cacheNull(false)"));
    }
    if (store.stampedeGuard()) {
      steps.add(CodeBlock.of("stampedeGuard(true)"));
    }
    if (!store.nearCache()) {
      steps.add(CodeBlock.of("nearCache(false)"));
    }
    if (store.key().isConstant()) {
      steps.add(CodeBlock.of("constantKey($S)", store.key().constantText()));
    }
    if (!store.put()) {
      steps.add(CodeBlock.of("method($S)", method));
    }
    return field(site, start, steps);
  }

  /** The site of a {@code @CacheEvict} method. */
  static FieldSpec evict(String site, CachedMethod.Evict evict) {
    List<CodeBlock> steps = new ArrayList<>();
    if (evict.keys().size() == 1 && evict.keys().get(0).isConstant()) {
      steps.add(CodeBlock.of("constantKey($S)", evict.keys().get(0).constantText()));
    }
    return field(site, CodeBlock.of("$T.evict($S)", RuntimeNames.CACHE_SITE, evict.alias()), steps);
  }

  /** Whether a cast to {@code type} is unchecked. */
  static boolean uncheckedCast(TypeName type) {
    if (type instanceof ParameterizedTypeName || type instanceof TypeVariableName) {
      return true;
    }
    return type instanceof ArrayTypeName a && uncheckedCast(a.componentType());
  }

  /** {@code start.build()}, or with one step a line: {@code start\n.timeout(..)\n.build()}. */
  private static FieldSpec field(String site, CodeBlock start, List<CodeBlock> steps) {
    CodeBlock.Builder init = CodeBlock.builder().add("$L", start);
    if (steps.isEmpty()) {
      init.add(".build()");
    } else {
      init.add("$>$>");
      steps.forEach(step -> init.add("\n.$L", step));
      init.add("\n.build()$<$<");
    }
    return FieldSpec.builder(
            RuntimeNames.CACHE_SITE, site, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.build())
        .build();
  }

  private static CodeBlock valueType(TypeName t) {
    if (t instanceof ClassName c) {
      return CodeBlock.of("$T.of($T.class)", RuntimeNames.VALUE_TYPE, c);
    }
    if (t instanceof ArrayTypeName a && !uncheckedCast(a)) {
      return CodeBlock.of("$T.of($T.class)", RuntimeNames.VALUE_TYPE, a);
    }
    return CodeBlock.of(
        "$L",
        TypeSpec.anonymousClassBuilder("")
            .superclass(ParameterizedTypeName.get(RuntimeNames.VALUE_TYPE, t))
            .build());
  }

  /** A timeout other than the alias's default. */
  private static CodeBlock timeout(int seconds) {
    return seconds == Cached.NEVER
        ? CodeBlock.of("$T.NEVER", RuntimeNames.TIMEOUT)
        : CodeBlock.of("$T.seconds($L)", RuntimeNames.TIMEOUT, seconds);
  }
}
