package io.cachegen.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.KeyModel;
import javax.lang.model.element.Modifier;

/**
 * The {@code static final CacheSite} fields of an annotated method: {@code CacheSite.cached(...)}
 * or {@code CacheSite.put(...)} for its store, {@code CacheSite.evict(...)} for its evictions.
 */
final class SiteFields {
  private SiteFields() {}

  /** The site of a {@code @Cached} or {@code @CachePut} method storing {@code valueType}. */
  static FieldSpec store(String site, CachedMethod.Store store, TypeName valueType) {
    KeyModel key = store.key();
    String constant = key.isConstant() ? key.constantText() : null;
    CodeBlock init;
    if (store.put()) {
      init = CodeBlock.of("$T.put($S, $L, $L, $S)", RuntimeNames.CACHE_SITE, store.alias(),
          timeout(store.timeout()), store.cacheNull(), constant);
    } else {
      init = CodeBlock.of("$T.cached($S, $L, $L, $L, $L, $S)", RuntimeNames.CACHE_SITE,
          store.alias(), valueType(valueType), timeout(store.timeout()), store.cacheNull(),
          store.stampedeGuard(), constant);
    }
    return field(site, init);
  }

  /** The site of a {@code @CacheEvict} method. */
  static FieldSpec evict(String site, CachedMethod.Evict evict) {
    String constant = evict.keys().size() == 1 && evict.keys().get(0).isConstant()
        ? evict.keys().get(0).constantText() : null;
    return field(site,
        CodeBlock.of("$T.evict($S, $S)", RuntimeNames.CACHE_SITE, evict.alias(), constant));
  }

  /** Whether a cast to {@code type} is unchecked. */
  static boolean uncheckedCast(TypeName type) {
    if (type instanceof ParameterizedTypeName || type instanceof TypeVariableName) {
      return true;
    }
    return type instanceof ArrayTypeName a && uncheckedCast(a.componentType());
  }

  private static FieldSpec field(String site, CodeBlock init) {
    return FieldSpec.builder(RuntimeNames.CACHE_SITE, site,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init)
        .build();
  }

  private static CodeBlock valueType(TypeName t) {
    if (t instanceof ClassName c) {
      return CodeBlock.of("$T.of($T.class)", RuntimeNames.VALUE_TYPE, c);
    }
    if (t instanceof ArrayTypeName a && !uncheckedCast(a)) {
      return CodeBlock.of("$T.of($T.class)", RuntimeNames.VALUE_TYPE, a);
    }
    return CodeBlock.of("$L", TypeSpec.anonymousClassBuilder("")
        .superclass(ParameterizedTypeName.get(RuntimeNames.VALUE_TYPE, t))
        .build());
  }

  private static CodeBlock timeout(int seconds) {
    if (seconds == -1) {
      return CodeBlock.of("$T.DEFAULT", RuntimeNames.TIMEOUT);
    }
    if (seconds == -2) {
      return CodeBlock.of("$T.NEVER", RuntimeNames.TIMEOUT);
    }
    return CodeBlock.of("$T.seconds($L)", RuntimeNames.TIMEOUT, seconds);
  }
}
