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
 * isProp()}) or accessible fields, resolved at compile time. Write <code>{{</code> and <code>}}
 * </code> for literal braces: <code>"user:{{id}}"</code> is the constant text <code>user:{id}
 * </code>. A lone <code>{</code> or <code>}</code> is a compile error ({@code [CacheGenTemplate]}).
 * On a method with parameters, a {@code @Cached} or {@code @CachePut} template that uses none of
 * them is a compile error ({@code [CacheGenConstantKey]}) unless {@code constantKey = true} says
 * one entry for all arguments is meant; {@code @CacheEvict} templates may be constant. Placeholder
 * values are rendered in a stable form: strings with {@code \} and {@code :} escaped, primitives
 * and boxes as text, enums by name, {@code UUID}s as text, collections, maps, arrays and records by
 * content; {@code null} as {@code \0}.
 *
 * <p>An empty template means the default key: the class, the method, its parameter types (so
 * overloads never collide) and every argument in its stable form.
 */
package io.cachegen.annotations;
