package io.cachegen.processor.model;

import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.SimpleTypeVisitor14;
import javax.lang.model.util.Types;

/** Maps a method's return type to a {@link CachedMethod.Shape} and its cached content type. */
public final class ValueShapes {
  private final Types types;

  /** Shapes read through {@code types}. */
  public ValueShapes(Types types) {
    this.types = types;
  }

  /** The shape of a method returning {@code returnType}. */
  public CachedMethod.Shape shape(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return CachedMethod.Shape.VOID;
    }
    if (returnType.getKind().isPrimitive()) {
      return CachedMethod.Shape.PRIMITIVE;
    }
    if (returnType.getKind() == TypeKind.DECLARED) {
      String name =
          ((TypeElement) ((DeclaredType) returnType).asElement()).getQualifiedName().toString();
      switch (name) {
        case "java.util.Optional":
          return CachedMethod.Shape.OPTIONAL;
        case "java.util.concurrent.CompletableFuture":
          return CachedMethod.Shape.FUTURE;
        case "java.util.concurrent.CompletionStage":
          return CachedMethod.Shape.STAGE;
        default:
          return CachedMethod.Shape.PLAIN;
      }
    }
    return CachedMethod.Shape.PLAIN;
  }

  /** The type whose values are stored: boxed primitives, the content of optionals and futures. */
  public TypeMirror content(TypeMirror returnType) {
    switch (shape(returnType)) {
      case PRIMITIVE:
        return types.boxedClass((PrimitiveType) returnType).asType();
      case OPTIONAL:
      case FUTURE:
      case STAGE:
        var args = ((DeclaredType) returnType).getTypeArguments();
        return args.isEmpty() ? null : args.get(0);
      case VOID:
        return null;
      default:
        return returnType;
    }
  }

  /** Why {@code content} cannot be read back from a cache, or {@code null}. */
  public String contentProblem(TypeMirror content) {
    if (content == null) {
      return "a raw Optional, CompletableFuture or CompletionStage has no element type to read"
          + " the value back as. Add the type argument";
    }
    if (content.getKind() == TypeKind.WILDCARD) {
      return "a wildcard element type ("
          + content
          + ") gives no type to read the value back as."
          + " Name the type";
    }
    Boolean mentions = content.accept(new MentionsTypeVariable(), null);
    if (Boolean.TRUE.equals(mentions)) {
      return "the type "
          + content
          + " mentions a type variable, whose class is not known when"
          + " the value is read back. Cache the method in a subclass that fixes the type";
    }
    String abstractPart = notInstantiable(content);
    if (abstractPart != null) {
      return "cached values are read back as the declared type (by value: Redis, or locmem with"
          + " store_by_value), and "
          + abstractPart
          + " gives the codec no class to create, so"
          + " every read would miss. Declare a concrete class or a record (List, Set, Map and the"
          + " other collection interfaces are fine), or annotate the type with Jackson's"
          + " @JsonTypeInfo or @JsonDeserialize(as = ...)";
    }
    return null;
  }

  /**
   * Abstract types the default codec (Jackson) materializes as a concrete class: the collection and
   * map interfaces, {@code CharSequence} (as String) and {@code Number} (by the shape of the JSON
   * number).
   */
  private static final Set<String> MATERIALIZED =
      Set.of(
          "java.lang.Iterable",
          "java.util.Collection",
          "java.util.List",
          "java.util.Set",
          "java.util.SortedSet",
          "java.util.NavigableSet",
          "java.util.Queue",
          "java.util.Deque",
          "java.util.Map",
          "java.util.SortedMap",
          "java.util.NavigableMap",
          "java.util.Map.Entry",
          "java.util.concurrent.ConcurrentMap",
          "java.util.concurrent.ConcurrentNavigableMap",
          "java.util.SequencedCollection",
          "java.util.SequencedSet",
          "java.util.SequencedMap",
          "java.util.AbstractList",
          "java.util.AbstractSet",
          "java.util.AbstractMap",
          "java.lang.CharSequence",
          "java.lang.Number");

  /** Jackson annotations that tell it which class to create for an abstract type. */
  private static final Set<String> JACKSON_CREATES =
      Set.of(
          "com.fasterxml.jackson.annotation.JsonTypeInfo",
          "com.fasterxml.jackson.annotation.JsonSubTypes",
          "com.fasterxml.jackson.databind.annotation.JsonDeserialize");

  /**
   * The first part of {@code t} (itself, a type argument or an array component) that the codec
   * cannot create an instance of, described for a message; {@code null} if there is none.
   */
  private String notInstantiable(TypeMirror t) {
    switch (t.getKind()) {
      case ARRAY:
        return notInstantiable(((ArrayType) t).getComponentType());
      case WILDCARD:
        TypeMirror bound = ((WildcardType) t).getExtendsBound();
        return bound == null
            ? "the wildcard type argument in " + t + " (read back as Object)"
            : notInstantiable(bound);
      case DECLARED:
        DeclaredType declared = (DeclaredType) t;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.lang.Object")) {
          return "Object";
        }
        boolean isAbstract =
            element.getKind().isInterface()
                || (element.getKind() == ElementKind.CLASS
                    && element.getModifiers().contains(Modifier.ABSTRACT));
        if (isAbstract && !MATERIALIZED.contains(name) && !jacksonCreates(declared)) {
          return (element.getKind().isInterface() ? "the interface " : "the abstract class ")
              + name;
        }
        for (TypeMirror arg : declared.getTypeArguments()) {
          String problem = notInstantiable(arg);
          if (problem != null) {
            return problem;
          }
        }
        return null;
      default:
        return null;
    }
  }

  private boolean jacksonCreates(TypeMirror type) {
    Element element = types.asElement(type);
    if (element != null) {
      for (AnnotationMirror a : element.getAnnotationMirrors()) {
        String name =
            ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
        if (JACKSON_CREATES.contains(name)) {
          return true;
        }
      }
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (jacksonCreates(supertype)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a type mentions a type variable anywhere. */
  public static final class MentionsTypeVariable extends SimpleTypeVisitor14<Boolean, Void> {
    public MentionsTypeVariable() {
      super(false);
    }

    @Override
    public Boolean visitTypeVariable(TypeVariable t, Void v) {
      return true;
    }

    @Override
    public Boolean visitArray(ArrayType t, Void v) {
      return t.getComponentType().accept(this, v);
    }

    @Override
    public Boolean visitDeclared(DeclaredType t, Void v) {
      for (TypeMirror arg : t.getTypeArguments()) {
        if (arg.accept(this, v)) {
          return true;
        }
      }
      return t.getEnclosingType().getKind() == TypeKind.DECLARED
          && t.getEnclosingType().accept(this, v);
    }

    @Override
    public Boolean visitWildcard(WildcardType t, Void v) {
      return (t.getExtendsBound() != null && t.getExtendsBound().accept(this, v))
          || (t.getSuperBound() != null && t.getSuperBound().accept(this, v));
    }
  }
}
