package io.cachegen.example;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what slf4j-simple writes while open. The example's binding writes to {@code System.err},
 * which slf4j-simple looks up on every line (its default {@code logFile=System.err}, not the cached
 * variant), so swapping {@code System.err} sees every logger, on every thread. The output is still
 * copied to the original stream.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (captured) {
              captured.write(b, off, len);
            }
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** For each captured line with one of {@code texts}, the first of them it contains, in order. */
  List<String> sequenceOf(String... texts) {
    String all;
    synchronized (captured) {
      all = captured.toString(StandardCharsets.UTF_8);
    }
    return all.lines()
        .map(
            line -> {
              for (String text : texts) {
                if (line.contains(text)) {
                  return text;
                }
              }
              return null;
            })
        .filter(t -> t != null)
        .toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
