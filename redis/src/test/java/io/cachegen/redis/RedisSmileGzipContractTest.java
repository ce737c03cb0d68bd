package io.cachegen.redis;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/** The contract again with the binary serializer and every payload compressed. */
@Tag("redis")
class RedisSmileGzipContractTest extends RedisCacheContractTest {
  @Override
  protected Map<String, String> backendSettings() {
    Map<String, String> settings = new HashMap<>(super.backendSettings());
    settings.put("options.serializer", "smile");
    settings.put("options.compressor", "gzip");
    settings.put("options.compress_min_size", "0");
    return settings;
  }
}
