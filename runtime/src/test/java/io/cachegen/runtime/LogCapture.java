package io.cachegen.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures what the tests' SLF4J binding (slf4j-simple, which writes every line to {@code
 * System.err} as it is logged) prints while open. Tests run one at a time in the test JVM, so lines
 * from other tests do not mix in; use text unique to the test in assertions anyway.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *   ...
 *   assertThat(log.count("is unreadable")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private LogCapture() {
    this.original = System.err;
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  /** Starts capturing; {@link #close()} restores {@code System.err}. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** Everything logged since {@link #start()}. */
  public String text() {
    System.err.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** How many times {@code fragment} occurs in what was logged. */
  public int count(String fragment) {
    Matcher m = Pattern.compile(Pattern.quote(fragment)).matcher(text());
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(text()); // keep the lines in the test output too
  }
}
