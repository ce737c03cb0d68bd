package io.cachegen.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A resolved key, as data: the caller key is the concatenation of {@code parts}. A constant key has
 * only literal parts and is made once per cache handler. {@code records} are the records the
 * arguments render component-wise (each through a static helper the writer adds once per wrapper),
 * sorted by helper name. {@code writing/KeyExpressions} turns this into code.
 */
public record KeyModel(String template, List<Part> parts, List<RecordForm> records) {

  /** A piece of a key. */
  public sealed interface Part permits Text, Argument {}

  /** Literal text. */
  public record Text(String text) implements Part {}

  /**
   * A method argument, or a property reached from it, in its stable text form.
   *
   * @param parameter the method parameter's name
   * @param path the properties read from the parameter, in order; a {@code null} anywhere before
   *     the end renders the whole argument as {@code KeyParts.NULL}
   * @param rendering how the value at the end of the path renders
   * @param form for {@link Rendering#OBJECT}: how to render the records inside the value; empty
   *     when {@code KeyParts.of(value)} alone renders it
   * @param escaped a character to escape in the rendered text (the one that separates it from the
   *     next argument, when the forms do not escape it already), or {@code null}
   * @param hashTag whether the rendered text is the key's hash tag ({@code {#param}} in the
   *     template): written between braces, and never empty ({@code KeyParts.tag})
   */
  public record Argument(
      String parameter,
      List<Property> path,
      Rendering rendering,
      Optional<Form> form,
      Character escaped,
      boolean hashTag)
      implements Part {

    /**
     * Whether this is a plain {@code int}, {@code long}, {@code short} or {@code byte} parameter
     * rendered as is, whose made key generated code may remember per argument.
     */
    public boolean isIntegral() {
      return rendering == Rendering.INTEGRAL && path.isEmpty() && escaped == null;
    }
  }

  /** One step of a property path: a no-arg method ({@code name()}) or a field. */
  public record Property(String name, boolean field) {}

  /** How the value at the end of an argument's path renders. */
  public enum Rendering {
    /** An {@code int}, {@code long}, {@code short} or {@code byte}, concatenated as is. */
    INTEGRAL,
    /** Another primitive but {@code char}, concatenated as is. */
    PRIMITIVE,
    /** A {@code char}, escaped ({@code KeyParts.character}). */
    CHARACTER,
    /** A {@code String}, escaped, {@code null} distinct ({@code KeyParts.string}). */
    STRING,
    /** An enum constant's name ({@code KeyParts.name}). */
    ENUM,
    /** Anything else, through {@code KeyParts.of}. */
    OBJECT
  }

  /** How {@code KeyParts} renders the non-null values of a type that reaches a record. */
  public sealed interface Form permits AnyForm, RecordRef, Composite {}

  /** {@code KeyParts.ANY}: the value's own key form. */
  public record AnyForm() implements Form {}

  /** A record, through the static helper of that name (see {@link KeyModel#records}). */
  public record RecordRef(String helper) implements Form {}

  /** An array, map, collection or optional whose elements render in {@code elements}' forms. */
  public record Composite(Container container, List<Form> elements) implements Form {}

  /** The containers {@code KeyParts} appends element by element. */
  public enum Container {
    /** One element form: the component type's. */
    ARRAY,
    /** Two element forms: the key type's, then the value type's. */
    MAP,
    /** One element form. */
    COLLECTION,
    /** One element form. */
    OPTIONAL
  }

  /**
   * A record rendered as {@code Name[a=x,b=y]} by a static helper {@code helper(StringBuilder sb,
   * Record value)}. Equal helper names always describe equal records.
   */
  public record RecordForm(String helper, TypeElement record, List<Component> components) {}

  /**
   * A record component: {@code form} is how its non-null values render, or empty when {@code
   * KeyParts.append(sb, value)} alone renders it.
   */
  public record Component(String name, Optional<Form> form) {}

  /**
   * The argument whose made key generated code remembers per argument: the only argument of a key,
   * if it {@linkplain Argument#isIntegral() is integral} (e.g. {@code user:{id}} with a {@code long
   * id}); else {@code null}.
   */
  public Argument memoArgument() {
    List<Argument> arguments =
        parts.stream().filter(Argument.class::isInstance).map(Argument.class::cast).toList();
    return arguments.size() == 1 && arguments.get(0).isIntegral() ? arguments.get(0) : null;
  }

  /**
   * The key's shape: its literal text with each argument as {@code \0}, whatever its name, type or
   * hash tag. Keys of one shape in one alias address the same entries when their arguments agree
   * ({@code user:{id}} and {@code user:{user.id}}), so they must agree on the hash tag too.
   */
  public String shape() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      sb.append(p instanceof Text t ? t.text() : "\0");
    }
    return sb.toString();
  }

  /** The position of the hash tag among the key's arguments (from 0); {@code -1} without one. */
  public int hashTagIndex() {
    int index = 0;
    for (Part p : parts) {
      if (p instanceof Argument a) {
        if (a.hashTag()) {
          return index;
        }
        index++;
      }
    }
    return -1;
  }

  /** Whether the key has no argument parts. */
  public boolean isConstant() {
    return parts.stream().allMatch(p -> p instanceof Text);
  }

  /** The text of a constant key. */
  public String constantText() {
    StringBuilder sb = new StringBuilder();
    parts.forEach(p -> sb.append(((Text) p).text()));
    return sb.toString();
  }
}
