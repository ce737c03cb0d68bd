package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A user of cachegen gets the runtime, never the processor or what it shades, on its classpath. */
class ClasspathTest {
  @Test
  void theProcessorAndJavaPoetStayOffTheApplicationClasspath() {
    ClassLoader loader = ClasspathTest.class.getClassLoader();
    for (String name :
        new String[] {
          "io.cachegen.processor.CachingProcessor",
          "com.palantir.javapoet.JavaFile",
          "io.cachegen.processor.shaded.com.palantir.javapoet.JavaFile",
          "com.google.auto.service.AutoService"
        }) {
      assertThatThrownBy(() -> Class.forName(name, false, loader))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }
}
