package io.cachegen.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.KeyModel;
import java.util.Optional;

/**
 * The statements of one annotated method's override: a {@code @Cached} lookup, or running the
 * method and then storing ({@code @CachePut}) and evicting ({@code @CacheEvict}). Locals come from
 * the override's {@link NameAllocator}, so they never clash with the user's parameter names.
 */
final class MethodBodies {
  private final CachedMethod m;
  private final KeyExpressions keys;
  private final String call;

  /** {@code call} is the expression that runs the user's method (the super call or delegate). */
  MethodBodies(CachedMethod m, KeyExpressions keys, String call) {
    this.m = m;
    this.keys = keys;
    this.call = call;
  }

  /**
   * {@code @Cached}: the made key (memoized for a single integral argument), then a lookup, and on
   * a miss one load per key; futures go through {@code cachedAsync}.
   */
  void cached(
      MethodSpec.Builder b, NameAllocator locals, SiteFields.Site site, CachedMethod.Store store) {
    String bound = locals.newName("bound");
    String key = locals.newName("key");
    String cached = locals.newName("cached");
    String completions = locals.newName("completions");
    TypeName value = TypeName.get(m.content());
    b.addStatement("$T $N = $L", RuntimeNames.CACHE_SITE_BOUND, bound, site.bind());
    KeyModel.Argument memo = store.key().memoArgument();
    if (memo == null) {
      b.addStatement("$T $N = $L", String.class, key, madeKey(bound, store.key()));
    } else {
      // A hot integral key is built and hashed once, then reused (KeyMemo).
      CodeBlock memoArgument = KeyExpressions.memoArgument(memo);
      b.addStatement("$T $N = $N.memoizedKey($L)", String.class, key, bound, memoArgument);
      b.beginControlFlow("if ($N == null)", key);
      b.addStatement(
          "$N = $N.memoizeKey($L, $L)", key, bound, memoArgument, madeKey(bound, store.key()));
      b.endControlFlow();
    }
    if (m.shape() == CachedMethod.Shape.FUTURE || m.shape() == CachedMethod.Shape.STAGE) {
      // A hit, a miss and a failing lookup all come back in the future.
      b.addStatement("return $N.cachedAsync($N, () -> $L)", bound, key, call);
      return;
    }
    // Read before the lookup: the miss path looks again only if a computation completed since.
    b.addStatement("long $N = $N.completions($N)", completions, bound, key);
    b.addStatement("$T $N = $N.lookup($N)", Object.class, cached, bound, key);
    b.beginControlFlow("if ($N != $T.MISS)", cached, RuntimeNames.CACHE_SITE);
    if (m.shape() == CachedMethod.Shape.OPTIONAL) {
      b.addStatement("return $T.ofNullable(($T) $N)", Optional.class, value, cached);
    } else {
      b.addStatement("return ($T) $N", value, cached);
    }
    b.endControlFlow();
    if (m.shape() == CachedMethod.Shape.OPTIONAL) {
      b.addStatement(
          "return $T.ofNullable(($T) $N.load($N, $N, () -> $T.content($L)))",
          Optional.class,
          value,
          bound,
          key,
          completions,
          RuntimeNames.CACHE_SITE,
          call);
    } else {
      b.addStatement("return ($T) $N.load($N, $N, () -> $L)", value, bound, key, completions, call);
    }
  }

  /**
   * {@code @CachePut} and/or {@code @CacheEvict}: evict first if asked, run the method, store its
   * result, evict after, return the result.
   */
  void runThenStore(
      MethodSpec.Builder b, NameAllocator locals, SiteFields.Site site, SiteFields.Site evictSite) {
    String bound = locals.newName("bound");
    String evictBound = locals.newName("evictBound");
    String result = locals.newName("result");
    String key = locals.newName("key");
    CachedMethod.Store store = m.cached();
    CachedMethod.Evict ev = m.evict();
    if (ev != null && ev.beforeInvocation()) {
      evict(b, evictSite, evictBound, ev);
    }
    boolean isVoid = m.shape() == CachedMethod.Shape.VOID;
    if (isVoid) {
      b.addStatement("$L", call);
    } else {
      b.addStatement("$T $N = $L", TypeName.get(m.element().getReturnType()), result, call);
    }
    if (store != null) {
      b.addStatement("$T $N = $L", RuntimeNames.CACHE_SITE_BOUND, bound, site.bind());
      b.addStatement("$T $N = $L", String.class, key, madeKey(bound, store.key()));
      switch (m.shape()) {
        case FUTURE, STAGE -> b.addStatement("$N.storeWhenComplete($N, $N)", bound, key, result);
        case OPTIONAL ->
            b.addStatement(
                "$N.store($N, $T.content($N))", bound, key, RuntimeNames.CACHE_SITE, result);
        default -> b.addStatement("$N.store($N, $N)", bound, key, result);
      }
    }
    if (ev != null && !ev.beforeInvocation()) {
      evict(b, evictSite, evictBound, ev);
    }
    if (!isVoid) {
      b.addStatement("return $N", result);
    }
  }

  /** The made key: {@code prefix:version:} and the caller key in one concatenation. */
  private CodeBlock madeKey(String bound, KeyModel key) {
    return key.isConstant()
        ? CodeBlock.of("$N.constantKey()", bound)
        : CodeBlock.of("$N.finishKey($L)", bound, prefixed(bound, key));
  }

  private CodeBlock prefixed(String bound, KeyModel key) {
    return keys.prefixed(CodeBlock.of("$N.keyPrefix()", bound), key, m.element());
  }

  private void evict(
      MethodSpec.Builder b, SiteFields.Site evictSite, String evictBound, CachedMethod.Evict ev) {
    b.addStatement("$T $N = $L", RuntimeNames.CACHE_SITE_BOUND, evictBound, evictSite.bind());
    if (ev.allEntries()) {
      b.addStatement("$N.clear()", evictBound);
      return;
    }
    boolean single = ev.keys().size() == 1;
    for (KeyModel k : ev.keys()) {
      if (single && k.isConstant()) {
        b.addStatement("$N.remove($N.constantKey())", evictBound, evictBound);
      } else {
        b.addStatement(
            "$N.remove($N.finishKey($L))", evictBound, evictBound, prefixed(evictBound, k));
      }
    }
  }
}
