package test;

import io.cachegen.annotations.Cached;
import javax.inject.Singleton;

/** A javax scope: carried, but only Jakarta CDI scopes make the wrapper an alternative. */
@Singleton
public class Journals {
  @Cached(key = "journal:{id}")
  public String journal(long id) {
    return "journal " + id;
  }
}
