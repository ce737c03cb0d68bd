package io.cachegen.processor.model;

import io.cachegen.annotations.Cached;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One annotated method.
 *
 * @param element the method
 * @param shape how its result maps to a cached value
 * @param content the cached content type (boxed; the {@code T} of {@code Optional<T>} or {@code
 *     CompletableFuture<T>}); {@code null} for {@link Shape#VOID}
 * @param cached the {@code @Cached} or {@code @CachePut} part, or {@code null}
 * @param evict the {@code @CacheEvict} part, or {@code null}
 */
public record CachedMethod(
    ExecutableElement element, Shape shape, TypeMirror content, Store cached, Evict evict) {

  /** The result shapes the writer knows. */
  public enum Shape {
    PLAIN,
    PRIMITIVE,
    OPTIONAL,
    FUTURE,
    STAGE,
    VOID
  }

  /**
   * {@code @Cached} ({@code put == false}) or {@code @CachePut}.
   *
   * @param timeout seconds, or {@link Cached#DEFAULT_TIMEOUT} (the alias's default) or {@link
   *     Cached#NEVER}
   * @param nearCache whether reads may be served by the alias's near cache ({@link
   *     Cached#nearCache()}); always {@code true} for {@code @CachePut}
   */
  public record Store(
      boolean put,
      String alias,
      int timeout,
      boolean cacheNull,
      boolean stampedeGuard,
      boolean nearCache,
      KeyModel key) {}

  /** {@code @CacheEvict}. */
  public record Evict(
      String alias, boolean allEntries, boolean beforeInvocation, List<KeyModel> keys) {}
}
