package io.cachegen.processor.base;

/**
 * Every diagnostic the processor prints, with a stable tag (searchable, quotable in issues) and
 * what to do about it. All of them are printed as errors. Format arguments follow {@link
 * String#format}.
 *
 * <p>Each constant is named after its tag without the {@code CacheGen} prefix, in upper snake case:
 * {@code [CacheGenFinalClass]} is {@link #FINAL_CLASS}.
 */
public enum Messages {
  PRIVATE(
      "CacheGenPrivate",
      "@%s methods cannot be private: the generated subclass must override them. Make the method"
          + " package-private, protected or public"),
  STATIC(
      "CacheGenStatic",
      "@%s methods cannot be static: static methods cannot be overridden. Make the method an"
          + " instance method"),
  FINAL(
      "CacheGenFinal",
      "@%s methods cannot be final: the generated subclass must override them. Remove 'final'"),
  ABSTRACT(
      "CacheGenAbstract",
      "@%s cannot be used on an abstract method of a class: there is no implementation to call on a"
          + " miss. Put the annotation on the implementing method in a concrete subclass"),
  VOID(
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
  SEALED(
      "CacheGenSealed",
      "%s is sealed, so the generated %s cannot %s it: it is not a permitted subtype. Remove"
          + " 'sealed', or put the annotations on a permitted subclass declared non-sealed"),
  NO_CONSTRUCTOR(
      "CacheGenNoConstructor",
      "%s has no accessible constructor, so the generated subclass cannot call super(...). Add a"
          + " non-private constructor"),
  TEMPLATE(
      "CacheGenTemplate",
      "bad key template \"%s\": %s. Placeholders look like {param} or {param.property}; {#param}"
          + " also makes the value the key's hash tag"),
  LITERAL_BRACE(
      "CacheGenLiteralBrace",
      "key template \"%s\": %s at position %d is a literal brace, which key templates do not"
          + " allow: Redis Cluster takes the text between the first { and the next } of a key as"
          + " its hash tag, the part that picks the key's slot, so a made key holds braces only"
          + " around the hash tag a {#param} placeholder names. Write other characters, e.g."
          + " \"%s\""),
  HASH_TAG(
      "CacheGenHashTag",
      "key template \"%s\": %s and %s both name a hash tag, but Redis Cluster reads only the"
          + " first one of a key. Keep one {#param} and write the other as {param}"),
  HASH_TAG_CONFLICT(
      "CacheGenHashTagConflict",
      "key templates \"%s\" (%s) and \"%s\" (%s) make keys of one shape in cache alias \"%s\""
          + " but %s, so one entry would have two keys and each method would miss what the other"
          + " stores or evicts. Put the hash tag {#...} on the same placeholder in both, or in"
          + " neither"),
  CONSTANT_KEY(
      "CacheGenConstantKey",
      "key template \"%s\" uses no parameter of %s, so every call shares one cache entry. Name the"
          + " parameters in placeholders, e.g. key = \"%s\", or write constantKey = true if one"
          + " entry for all arguments is what you want"),
  NOT_CONSTANT(
      "CacheGenNotConstant",
      "constantKey = true, but %s uses the arguments of %s, so calls with different arguments get"
          + " different entries. Remove constantKey = true, or write a key without placeholders"),
  LOCAL_CLASS(
      "CacheGenLocalClass",
      "@%s in %s has no effect: annotation processors cannot see local and anonymous classes, so"
          + " no caching subclass is generated. Move the method into a top-level or static nested"
          + " class"),
  UNKNOWN_NAME("CacheGenUnknownName", "key template \"%s\": %s. Valid names: %s"),
  UNSTABLE_KEY(
      "CacheGenUnstableKey",
      "cannot build a stable cache key from %s: %s. Use a key template naming stable properties,"
          + " e.g. key = \"%s\", or override toString() in that type"),
  TIMEOUT(
      "CacheGenTimeout",
      "timeout = %d is not allowed: use seconds >= 0 (0 = do not cache), Cached.DEFAULT_TIMEOUT for"
          + " the alias's default or Cached.NEVER to never expire"),
  ALIAS("CacheGenAlias", "cache alias must not be empty; use \"default\" or a configured alias"),
  VALUE_TYPE("CacheGenValueType", "cannot cache %s: %s"),
  HELPER_NAME(
      "CacheGenHelperName",
      "the generated %s adds helper methods %s and %s for this method, but %s has the same"
          + " signature as one of them: it would be hidden or overridden, or the generated code"
          + " would not compile. Rename one of the two methods"),
  KEY_CONFLICT(
      "CacheGenKeyConflict",
      "%s and %s share cache alias \"%s\" and key template \"%s\" but return different types (%s"
          + " and %s), so one would read the other's values. Give them different key templates or"
          + " aliases"),
  CONFLICT(
      "CacheGenConflict",
      "@%s cannot be combined with @%s on one method. Split the work into two methods"),
  EVICT_NOTHING(
      "CacheGenEvictNothing",
      "@CacheEvict needs key = {...} naming the keys to remove, or allEntries = true"),
  UNRESOLVED_TYPE(
      "CacheGenUnresolvedType",
      "%s refers to a type that could not be resolved, so no caching subclass was generated. Check"
          + " earlier errors and the class path"),
  UNRESOLVED_VALUE(
      "CacheGenUnresolvedValue",
      "%s in @%s does not resolve to a compile-time constant of type %s, so no caching subclass"
          + " was generated. Check the errors about the constant it names"),
  WRITE(
      "CacheGenWrite",
      "could not write %s: %s. If another class or processor already defines %s, rename one of"
          + " them"),
  INTERNAL(
      "CacheGenInternal",
      "internal error in the cachegen processor while processing %s, so no caching subclass was"
          + " generated for it: %s. This is a bug in cachegen: please report it with this message%s"),
  AMBIGUOUS_KEY(
      "CacheGenAmbiguousKey",
      "key template \"%s\": %s, so two different arguments could give one key. Put a separator"
          + " such as ':' after the placeholder, e.g. \"%s\"");

  private final String tag;
  private final String format;

  Messages(String tag, String format) {
    this.tag = tag;
    this.format = format;
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
