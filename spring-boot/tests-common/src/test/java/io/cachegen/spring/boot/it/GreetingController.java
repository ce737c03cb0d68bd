package io.cachegen.spring.boot.it;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves greetings over HTTP through the cached service. */
@RestController
public class GreetingController {
  private final GreetingService service;

  public GreetingController(GreetingService service) {
    this.service = service;
  }

  @GetMapping("/greet/{name}")
  public String greet(@PathVariable("name") String name) {
    return service.greeting(name);
  }
}
