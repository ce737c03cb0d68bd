package io.cachegen.processor.validation;

import io.cachegen.processor.base.Messages;
import io.cachegen.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The generated class gets {@code keyForX(args)} and {@code evictX(args)} for each {@code @Cached}
 * method {@code x(args)}: static, or instance methods in a generic type. A method of the type (its
 * own or inherited) with the same name and parameters would be hidden or overridden by them, or
 * make the generated source fail to compile, and so would two helpers with one signature. One
 * instance per type: it remembers the methods whose helpers were already checked.
 */
final class HelperNameChecks {
  private final Types types;
  private final Elements elements;
  private final TypeElement type;
  private final List<ExecutableElement> earlier = new ArrayList<>();

  HelperNameChecks(Types types, Elements elements, TypeElement type) {
    this.types = types;
    this.elements = elements;
    this.type = type;
  }

  /** Checks the helpers of {@code @Cached} method {@code m}, then counts them as taken. */
  void check(ExecutableElement m, AnnotationMirror cached, Report report) {
    reportClash(m, cached, report);
    earlier.add(m);
  }

  private void reportClash(ExecutableElement m, AnnotationMirror cached, Report report) {
    DeclaredType self = (DeclaredType) type.asType();
    List<TypeMirror> params = erasedParameters(self, m);
    String name = m.getSimpleName().toString();
    String keyHelper = Names.keyHelperName(name);
    String evictHelper = Names.evictHelperName(name);
    for (String helper : List.of(keyHelper, evictHelper)) {
      String clash = null;
      for (ExecutableElement other : ElementFilter.methodsIn(elements.getAllMembers(type))) {
        if (other.getSimpleName().contentEquals(helper)
            && !other.getModifiers().contains(Modifier.PRIVATE)
            && sameTypes(params, erasedParameters(self, other))) {
          clash = Signatures.describe(other);
          break;
        }
      }
      for (ExecutableElement e : earlier) {
        String eName = e.getSimpleName().toString();
        if (clash == null
            && (Names.keyHelperName(eName).equals(helper)
                || Names.evictHelperName(eName).equals(helper))
            && sameTypes(params, erasedParameters(self, e))) {
          clash = "the helper generated for " + Signatures.describe(e);
        }
      }
      if (clash != null) {
        String signature =
            "(" + params.stream().map(TypeMirror::toString).collect(Collectors.joining(", ")) + ")";
        report.error(
            Messages.HELPER_NAME.format(
                Names.generatedSimpleName(type),
                keyHelper + signature,
                evictHelper + signature,
                clash),
            m,
            cached,
            null);
        return;
      }
    }
  }

  private List<TypeMirror> erasedParameters(DeclaredType self, ExecutableElement m) {
    ExecutableType asMember = (ExecutableType) types.asMemberOf(self, m);
    return asMember.getParameterTypes().stream().map(types::erasure).toList();
  }

  private boolean sameTypes(List<TypeMirror> a, List<TypeMirror> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!types.isSameType(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
