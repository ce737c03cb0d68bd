package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;

/** Every runtime type the generated code names exists in the runtime module. */
class RuntimeNamesTest {
  @Test
  void everyNameLoads() {
    for (ClassName name : RuntimeNames.ALL) {
      assertThatCode(() -> Class.forName(name.reflectionName())).doesNotThrowAnyException();
    }
    for (String annotation :
        new String[] {RuntimeNames.CACHED, RuntimeNames.CACHE_PUT, RuntimeNames.CACHE_EVICT}) {
      assertThatCode(() -> Class.forName(annotation)).doesNotThrowAnyException();
    }
  }
}
