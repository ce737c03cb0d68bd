package io.cachegen.spring.boot.it;

import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** An environment whose environment variables are the process's plus the given ones. */
class VariablesEnvironment extends StandardEnvironment {
  private final Map<String, Object> extra = new HashMap<>();

  VariablesEnvironment(String name, String value) {
    extra.put(name, value);
    MutablePropertySources sources = getPropertySources();
    Map<String, Object> variables = new HashMap<>(getSystemEnvironment());
    variables.putAll(extra);
    sources.replace(
        SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
  }
}
