package io.cachegen.runtime.internal;

/**
 * <b>Not API; only generated code calls it (through {@link CacheSite.Bound}).</b> The made keys of
 * the last integral arguments one site was called with, so that a hot key such as {@code user:42}
 * is built and hashed once instead of on every hit: the same {@code String} instance comes back,
 * with its hash code already computed, and the lookup costs what a constant key's does.
 *
 * <p>Direct-mapped (one slot per argument hash, the newest call wins), lock-free and bounded: at
 * most {@value #SLOTS} keys per site and handler. Slots hold immutable pairs, so a racing reader
 * sees a whole pair or none, and a pair for another argument is never mistaken for its own.
 */
@Internal
public final class KeyMemo {
  static final int SLOTS = 64;
  private static final int SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);

  private final Slot[] slots = new Slot[SLOTS];

  private record Slot(long argument, String madeKey) {}

  /** The made key remembered for {@code argument}, or {@code null}. */
  public String get(long argument) {
    Slot slot = slots[index(argument)];
    return slot != null && slot.argument == argument ? slot.madeKey : null;
  }

  /** Remembers {@code madeKey} for {@code argument} and returns it. */
  public String put(long argument, String madeKey) {
    slots[index(argument)] = new Slot(argument, madeKey);
    return madeKey;
  }

  /** Fibonacci hashing: consecutive ids land in different slots. */
  private static int index(long argument) {
    return (int) ((argument * 0x9E3779B97F4A7C15L) >>> SHIFT);
  }
}
