package io.cachegen.spring.boot.it;

/** The interface the JDK-proxied service is injected by. */
public interface Directory {
  String lookup(String name);
}
