/**
 * The annotations cachegen's processor reads: {@link io.cachegen.annotations.Cached}, {@link
 * io.cachegen.annotations.CacheEvict} and {@link io.cachegen.annotations.CachePut}.
 *
 * <p>For a class {@code Foo} with annotated methods, the processor generates {@code FooCached
 * extends Foo} in the same package (for a nested class {@code Outer.Inner}, {@code
 * Outer_InnerCached}; for an interface, {@code FooCached implements Foo} wrapping a delegate).
 * Construct or inject {@code FooCached} where you used {@code Foo}.
 *
 * <h2>Key templates</h2>
 *
 * <p>A key template is literal text with placeholders in braces: {@code {param}} is a method
 * parameter, {@code {param.prop.prop}} walks record components, getters ({@code getProp()} / {@code
 * isProp()}) or accessible fields, resolved at compile time. On a method with parameters, a
 * {@code @Cached} or {@code @CachePut} template that uses none of them is a compile error ({@code
 * [CacheGenConstantKey]}) unless {@code constantKey = true} says one entry for all arguments is
 * meant; {@code @CacheEvict} templates may be constant. Placeholder values are rendered in a stable
 * form: strings with {@code \}, {@code :} and the other structural characters escaped, primitives
 * and boxes as text, enums by name, {@code UUID}s as text, collections, maps, arrays and records by
 * content; {@code null} as {@code \0}.
 *
 * <h2>Braces and Redis Cluster hash tags</h2>
 *
 * <p>Redis Cluster puts a key in the slot of its hash tag, the text between its first <code>
 * &#123;</code> and the next <code>&#125;</code>, if any. So a made key holds braces only where a
 * template asks for them: no argument's form holds a brace (strings write <code>&#123;</code> and
 * <code>&#125;</code> as {@code \o} and {@code \c}), literal braces in a template (<code>
 * &#123;&#123;</code>, <code>&#125;&#125;</code>) are a compile error ({@code
 * [CacheGenLiteralBrace]}), and one placeholder may be written <code>{#param}</code>: its value is
 * then also the key's hash tag, written between braces (<code>"user:{#id}:orders"</code> makes
 * <code>user:{42}:orders</code>), so every key with that value lands in one slot. A template has at
 * most one ({@code [CacheGenHashTag]}), and keys of one shape in one alias, such as a
 * {@code @Cached} key and the {@code @CacheEvict} key that removes it, put it on the same
 * placeholder ({@code [CacheGenHashTagConflict]}). A lone <code>&#123;</code> or <code>&#125;
 * </code> is a compile error ({@code [CacheGenTemplate]}).
 *
 * <p>An empty template means the default key: the class, the method, its parameter types (so
 * overloads never collide) and every argument in its stable form.
 */
package io.cachegen.annotations;
