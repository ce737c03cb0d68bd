package io.cachegen.processor.writing;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.palantir.javapoet.ClassName;
import io.cachegen.processor.base.AnnotationNames;
import org.junit.jupiter.api.Test;

/** Every runtime type the generated code names exists in the runtime module. */
class RuntimeNamesTest {
  @Test
  void everyNameLoads() {
    for (ClassName name : RuntimeNames.ALL) {
      assertThatCode(() -> Class.forName(name.reflectionName())).doesNotThrowAnyException();
    }
    for (String annotation :
        new String[] {
          AnnotationNames.CACHED, AnnotationNames.CACHE_PUT, AnnotationNames.CACHE_EVICT
        }) {
      assertThatCode(() -> Class.forName(annotation)).doesNotThrowAnyException();
    }
  }
}
