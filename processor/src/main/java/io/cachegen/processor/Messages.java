package io.cachegen.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor prints, with a stable tag (searchable, quotable in issues) and
 * what to do about it. Format arguments follow {@link String#format}.
 */
public enum Messages {
  PRIVATE_METHOD(
      "CacheGenPrivate",
      "@%s methods cannot be private: the generated subclass must override them. Make the method"
          + " package-private, protected or public"),
  STATIC_METHOD(
      "CacheGenStatic",
      "@%s methods cannot be static: static methods cannot be overridden. Make the method an"
          + " instance method"),
  FINAL_METHOD(
      "CacheGenFinal",
      "@%s methods cannot be final: the generated subclass must override them. Remove 'final'"),
  ABSTRACT_METHOD(
      "CacheGenAbstract",
      "@%s cannot be used on an abstract method of a class: there is no implementation to call on a"
          + " miss. Put the annotation on the implementing method in a concrete subclass"),
  VOID_METHOD(
      "CacheGenVoid",
      "@%s methods must return a value; a void method has nothing to cache. Return the value, or"
          + " use @CacheEvict for a method that only changes data"),
  FINAL_CLASS(
      "CacheGenFinalClass",
      "%s is final (or a record or enum), so cachegen cannot generate its caching subclass. Remove"
          + " 'final', or put the annotations on an interface it implements"),
  PRIVATE_CLASS(
      "CacheGenPrivateClass",
      "%s is private, so the generated %s in the same package cannot extend it. Make it at least"
          + " package-private"),
  INNER_CLASS(
      "CacheGenInnerClass",
      "%s is an inner (non-static) class, which a top-level generated class cannot extend. Make it"
          + " static"),
  LOCAL_CLASS(
      "CacheGenLocalClass",
      "%s is a local or anonymous class; cachegen only handles top-level and static nested types"),
  NO_CONSTRUCTOR(
      "CacheGenNoConstructor",
      "%s has no accessible constructor, so the generated subclass cannot call super(...). Add a"
          + " non-private constructor"),
  TEMPLATE_SYNTAX(
      "CacheGenTemplate",
      "bad key template \"%s\": %s. Placeholders look like {param} or {param.property}; write {{"
          + " and }} for literal braces"),
  UNKNOWN_NAME(
      "CacheGenUnknownName",
      "key template \"%s\": %s. Valid names: %s"),
  UNSTABLE_KEY(
      "CacheGenUnstableKey",
      "cannot build a stable cache key from %s: %s. Use a key template naming stable properties,"
          + " e.g. key = \"%s\", or override toString() in that type"),
  BAD_TIMEOUT(
      "CacheGenTimeout",
      "timeout = %d is not allowed: use seconds >= 0 (0 = do not cache), Cached.DEFAULT_TIMEOUT for"
          + " the alias's default or Cached.NEVER to never expire"),
  BAD_ALIAS(
      "CacheGenAlias",
      "cache alias must not be empty; use \"default\" or a configured alias"),
  UNSUPPORTED_TYPE(
      "CacheGenValueType",
      "cannot cache %s: %s"),
  KEY_CONFLICT(
      "CacheGenKeyConflict",
      "%s and %s share cache alias \"%s\" and key template \"%s\" but return different types (%s"
          + " and %s), so one would read the other's values. Give them different key templates or"
          + " aliases"),
  CONFLICTING_ANNOTATIONS(
      "CacheGenConflict",
      "@%s cannot be combined with @%s on one method. Split the work into two methods"),
  EVICT_NOTHING(
      "CacheGenEvictNothing",
      "@CacheEvict needs key = {...} naming the keys to remove, or allEntries = true"),
  UNRESOLVED_TYPE(
      "CacheGenUnresolvedType",
      "%s refers to a type that could not be resolved, so no caching subclass was generated. Check"
          + " earlier errors and the class path"),
  INTERNAL_ERROR(
      "CacheGenInternal",
      "internal error in the cachegen processor; please report it with this trace: %s"),
  AMBIGUOUS_TEMPLATE(
      "CacheGenAmbiguousKey",
      "key template \"%s\": %s, so two different arguments could give one key. Put a separator"
          + " such as ':' after the placeholder, e.g. \"%s\"");

  private final String tag;
  private final String format;

  Messages(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The kind of diagnostic: all of these are errors. */
  public Diagnostic.Kind kind() {
    return Diagnostic.Kind.ERROR;
  }

  /** The tag, e.g. {@code CacheGenPrivate}. */
  public String tag() {
    return tag;
  }

  /** The full message, {@code [Tag] text}. */
  public String format(Object... args) {
    return "[" + tag + "] " + String.format(format, args);
  }
}
