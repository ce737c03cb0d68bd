package io.cachegen.processor.model;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.SimpleTypeVisitor14;
import javax.lang.model.util.Types;

/** Maps a method's return type to a {@link CachedMethod.Shape} and its cached content type. */
public final class ValueShapes {
  private final Types types;

  public ValueShapes(Types types) {
    this.types = types;
  }

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
        return types.boxedClass((javax.lang.model.type.PrimitiveType) returnType).asType();
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
      return "a wildcard element type (" + content + ") gives no type to read the value back as."
          + " Name the type";
    }
    Boolean mentions = content.accept(new MentionsTypeVariable(), null);
    if (Boolean.TRUE.equals(mentions)) {
      return "the type " + content + " mentions a type variable, whose class is not known when"
          + " the value is read back. Cache the method in a subclass that fixes the type";
    }
    return null;
  }

  /** Whether a type mentions a type variable anywhere. */
  public static final class MentionsTypeVariable extends SimpleTypeVisitor14<Boolean, Void> {
    public MentionsTypeVariable() {
      super(false);
    }

    @Override
    public Boolean visitTypeVariable(javax.lang.model.type.TypeVariable t, Void v) {
      return true;
    }

    @Override
    public Boolean visitArray(javax.lang.model.type.ArrayType t, Void v) {
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
    public Boolean visitWildcard(javax.lang.model.type.WildcardType t, Void v) {
      return (t.getExtendsBound() != null && t.getExtendsBound().accept(this, v))
          || (t.getSuperBound() != null && t.getSuperBound().accept(this, v));
    }
  }
}
