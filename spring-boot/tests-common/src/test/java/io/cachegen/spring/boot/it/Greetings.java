package io.cachegen.spring.boot.it;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** A dependency injected through the constructor of the cached services. */
@Component
public class Greetings {
  final AtomicInteger made = new AtomicInteger();

  String greet(String name) {
    made.incrementAndGet();
    return "Hello, " + name;
  }
}
