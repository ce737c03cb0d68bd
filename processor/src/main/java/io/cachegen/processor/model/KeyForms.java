package io.cachegen.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Decides how the arguments of one key render ({@link KeyModel.Rendering}, {@link KeyModel.Form})
 * and collects the records they reach, each once. One instance per key.
 */
final class KeyForms {
  private final Elements elements;
  private final KeyTypes keyTypes;
  private final TypeElement owner;

  /** By helper name, so the writer adds them in a stable order. */
  private final Map<String, KeyModel.RecordForm> records = new TreeMap<>();

  /** Helper names by record qualified name; set before a record's components are visited. */
  private final Map<String, String> helperNames = new HashMap<>();

  KeyForms(Elements elements, KeyTypes keyTypes, TypeElement owner) {
    this.elements = elements;
    this.keyTypes = keyTypes;
    this.owner = owner;
  }

  /** The records reached so far, sorted by helper name. */
  List<KeyModel.RecordForm> records() {
    return List.copyOf(records.values());
  }

  /**
   * An argument whose value, at the end of {@code path}, is of {@code type}; {@code hashTag} when
   * it is the key's hash tag.
   */
  KeyModel.Argument argument(
      String parameter,
      List<KeyModel.Property> path,
      TypeMirror type,
      Character escaped,
      boolean hashTag) {
    TypeKind kind = type.getKind();
    KeyModel.Rendering rendering;
    if (kind == TypeKind.CHAR) {
      rendering = KeyModel.Rendering.CHARACTER;
    } else if (kind == TypeKind.INT
        || kind == TypeKind.LONG
        || kind == TypeKind.SHORT
        || kind == TypeKind.BYTE) {
      rendering = KeyModel.Rendering.INTEGRAL;
    } else if (kind.isPrimitive()) {
      rendering = KeyModel.Rendering.PRIMITIVE;
    } else if (KeyTypes.isClass(type, "java.lang.String")) {
      rendering = KeyModel.Rendering.STRING;
    } else if (kind == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
      rendering = KeyModel.Rendering.ENUM;
    } else {
      // boxes (null is \0, Character escaped), UUIDs, collections, arrays, toString() types
      Optional<KeyModel.Form> form =
          keyTypes.needsForm(type) ? Optional.of(form(type)) : Optional.empty();
      return new KeyModel.Argument(
          parameter, path, KeyModel.Rendering.OBJECT, form, escaped, hashTag);
    }
    return new KeyModel.Argument(parameter, path, rendering, Optional.empty(), escaped, hashTag);
  }

  /** How non-null values of {@code type} render. */
  private KeyModel.Form form(TypeMirror type) {
    type = KeyTypes.bound(type);
    if (!keyTypes.needsForm(type)) {
      return new KeyModel.AnyForm();
    }
    if (KeyTypes.isRecord(type)) {
      return new KeyModel.RecordRef(recordHelper((DeclaredType) type));
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return composite(KeyModel.Container.ARRAY, ((ArrayType) type).getComponentType());
    }
    TypeMirror map = keyTypes.asSuper(type, "java.util.Map");
    if (map != null) {
      List<? extends TypeMirror> kv = ((DeclaredType) map).getTypeArguments();
      return composite(KeyModel.Container.MAP, kv.get(0), kv.get(1));
    }
    TypeMirror collection = keyTypes.asSuper(type, "java.util.Collection");
    if (collection != null) {
      return composite(
          KeyModel.Container.COLLECTION, ((DeclaredType) collection).getTypeArguments().get(0));
    }
    return composite(KeyModel.Container.OPTIONAL, ((DeclaredType) type).getTypeArguments().get(0));
  }

  private KeyModel.Form composite(KeyModel.Container container, TypeMirror... elementTypes) {
    List<KeyModel.Form> forms = new ArrayList<>();
    for (TypeMirror t : elementTypes) {
      forms.add(form(t));
    }
    return new KeyModel.Composite(container, List.copyOf(forms));
  }

  /**
   * The helper name of a record, collecting its form on first sight. A generic record's
   * type-variable components render through {@code KeyParts.append} ({@link TypeStability} rejects
   * records inside record type arguments).
   */
  private String recordHelper(DeclaredType type) {
    TypeElement record = (TypeElement) type.asElement();
    String qualified = record.getQualifiedName().toString();
    String name = helperNames.get(qualified);
    if (name != null) {
      return name;
    }
    boolean samePackage = elements.getPackageOf(record).equals(elements.getPackageOf(owner));
    name = Names.recordHelperName(record, samePackage);
    helperNames.put(qualified, name);
    List<KeyModel.Component> components = new ArrayList<>();
    for (Element e : record.getEnclosedElements()) {
      if (e.getKind() != ElementKind.RECORD_COMPONENT) {
        continue;
      }
      TypeMirror ct = KeyTypes.bound(e.asType());
      Optional<KeyModel.Form> form =
          !ct.getKind().isPrimitive() && keyTypes.needsForm(ct)
              ? Optional.of(form(ct))
              : Optional.empty();
      components.add(new KeyModel.Component(e.getSimpleName().toString(), form));
    }
    records.put(name, new KeyModel.RecordForm(name, record, List.copyOf(components)));
    return name;
  }
}
