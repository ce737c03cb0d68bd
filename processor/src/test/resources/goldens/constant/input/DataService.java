package test;

import io.cachegen.annotations.Cached;
import jakarta.inject.Inject;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

public class DataService {
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Audited {}

  @Retention(RetentionPolicy.SOURCE)
  public @interface SourceOnly {}

  @Retention(RetentionPolicy.RUNTIME)
  public @interface Named {
    String value();
  }

  private final String source;

  @Inject
  @Audited
  @SourceOnly
  public DataService(@Named("source") String source) throws java.io.IOException {
    this.source = source;
  }

  protected DataService() {
    this.source = "none";
  }

  private DataService(int ignored) {
    this.source = "private";
  }

  @Cached(timeout = 10, key = "data")
  public List<String> data() {
    return List.of(source);
  }
}
