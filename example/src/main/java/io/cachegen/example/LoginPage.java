package io.cachegen.example;

import io.cachegen.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The login page, cached for 30 seconds by full request path and query: the notes' {@code
 * cache_page(30)}. Use the generated {@code LoginPageCached}.
 */
public class LoginPage {
  /** Seconds a rendered page is cached and may be cached by clients. */
  public static final int MAX_AGE = 30;

  private final AtomicInteger renders = new AtomicInteger();

  /**
   * The page for a GET of {@code fullPath} (path plus query), which carries {@code next}.
   *
   * @param fullPath the request path and raw query, the cache key as in Django's cache_page
   * @param next where to go after logging in; HTML-escaped in the page
   */
  @Cached(timeout = MAX_AGE, key = "page:{fullPath}")
  public String render(String fullPath, String next) {
    return renderUncached(next);
  }

  /** The page, rendered now (for POST, which is never served from the cache). */
  public String renderUncached(String next) {
    renders.incrementAndGet();
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Log in</title></head>\n"
        + "<body>\n<form method=\"post\" action=\"/login\">\n"
        + "  <input type=\"hidden\" name=\"next\" value=\""
        + Html.escape(next)
        + "\">\n"
        + "  <label>User <input name=\"username\"></label>\n"
        + "  <label>Password <input name=\"password\" type=\"password\"></label>\n"
        + "  <button>Log in</button>\n</form>\n</body></html>\n";
  }

  /** How many times a page was rendered (page cache misses plus POSTs). */
  public int renders() {
    return renders.get();
  }
}
