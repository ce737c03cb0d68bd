package io.cachegen.benchmarks;

import io.cachegen.runtime.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The two payloads every subject caches: a list of three short strings (the notes' {@code data})
 * and a ~1 KB object graph of nested records and lists.
 */
public final class Payloads {
  /** The notes' {@code ["0", "1", "2"]}. */
  public static final List<String> SMALL = List.of("0", "1", "2");

  /** {@link #SMALL}'s type, kept in a constant as the runtime asks. */
  public static final ValueType<List<String>> SMALL_TYPE = new ValueType<List<String>>() {};

  /** {@link Order}'s type. */
  public static final ValueType<Order> GRAPH_TYPE = ValueType.of(Order.class);

  /** The ~1 KB graph. */
  public static final Order GRAPH = order(42);

  private Payloads() {}

  /** A postal address. */
  public record Address(String street, String city, String postcode, String country) {}

  /** The customer of an order. */
  public record Customer(long id, String name, String email, Address address, List<String> tags) {}

  /** One order line. */
  public record Line(String sku, String title, int quantity, long unitPriceCents) {}

  /** An order: the ~1 KB graph. */
  public record Order(
      String id, Customer customer, List<Line> lines, List<String> notes, long totalCents) {}

  /** A ~1 KB order for {@code id}. */
  public static Order order(long id) {
    Customer customer =
        new Customer(
            id,
            "Ada Lovelace",
            "ada@example.org",
            new Address("12 St James's Square", "London", "SW1Y 4JH", "GB"),
            List.of("gold", "newsletter", "early-adopter"));
    List<Line> lines = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 8; i++) {
      Line line =
          new Line("SKU-" + (1000 + i), "Analytical engine part #" + i, 1 + i % 3, 1999L + i);
      total += line.quantity() * line.unitPriceCents();
      lines.add(line);
    }
    return new Order(
        "order-" + id,
        customer,
        List.copyOf(lines),
        List.of("leave at the door", "gift wrap"),
        total);
  }
}
