package test;

import io.cachegen.annotations.Cached;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class Calculator {
  @Cached
  public int square(int n) throws IOException {
    return n * n;
  }

  @Cached
  public long square(long n) {
    return n * n;
  }

  @Cached
  public double sum(double... values) {
    return 0;
  }

  @Cached
  public boolean contains(List<String> items, Set<Integer> ids, Map<String, Long> weights, char c) {
    return false;
  }

  @Cached(timeout = 0)
  public String now(String key) throws IOException, InterruptedException {
    return key;
  }

  @Cached
  public String clash(String key, String bound, String cached, String KEY_FOR_CLASH) {
    return key;
  }
}
