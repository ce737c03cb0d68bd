package io.cachegen.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The problems found in one type, each pinned to an element and, where known, an annotation. */
final class Report {
  /** One problem. */
  record Item(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  void error(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    items.add(new Item(message, element, mirror, value));
  }

  boolean isClean() {
    return items.isEmpty();
  }

  List<Item> items() {
    return items;
  }

  /** Prints every item as an error. */
  void printTo(Messager messager) {
    for (Item i : items) {
      if (i.mirror() != null && i.value() != null) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, i.message(), i.element(), i.mirror(), i.value());
      } else if (i.mirror() != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, i.message(), i.element(), i.mirror());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, i.message(), i.element());
      }
    }
  }
}
