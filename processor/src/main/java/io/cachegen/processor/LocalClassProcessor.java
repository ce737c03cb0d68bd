package io.cachegen.processor;

import com.google.auto.service.AutoService;
import io.cachegen.processor.validation.LocalClassChecker;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports {@code @Cached}, {@code @CachePut} and {@code @CacheEvict} in local and anonymous classes
 * ({@code [CacheGenLocalClass]}), which {@link CachingProcessor} cannot see.
 *
 * <p>A separate processor because it must run on every source file: javac calls a processor only
 * for annotations it finds on members of top-level and member types, or, when it finds none, only
 * processors that support {@code "*"}. It supports {@code "*"} and never claims anything, so other
 * processors see every annotation as before; it generates nothing. Outside javac (Eclipse's
 * compiler, or Gradle's wrapped processing environment) it does nothing; see {@link
 * LocalClassChecker}.
 */
@AutoService(Processor.class)
public final class LocalClassProcessor extends AbstractProcessor {
  /** {@code null} when the compiler offers no syntax trees. */
  private LocalClassChecker checker;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    checker = LocalClassChecker.create(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (checker == null) {
      return false;
    }
    try {
      for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
        checker.check(root);
      }
    } catch (RuntimeException e) { // a bug: say so, but never fail the user's build for it alone
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.WARNING,
              "cachegen could not look for annotations in local classes: " + e);
    }
    return false;
  }
}
