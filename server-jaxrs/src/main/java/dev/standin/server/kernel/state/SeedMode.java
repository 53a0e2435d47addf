package dev.standin.server.kernel.state;

import java.util.Locale;

/** What loading a seed does with the state that is already there. */
public enum SeedMode {
  /**
   * What exists is left alone: each seeded item (a user, an Actor, a chain, ...) is added only when
   * nothing of its name or ID exists yet. Loading the same seed twice changes nothing the second
   * time.
   */
  KEEP,
  /** Everything is removed first: afterwards the state is exactly the seed. */
  REPLACE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code keep} or {@code replace}. */
  public static SeedMode parse(String text) {
    for (SeedMode mode : values()) {
      if (mode.wire().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("the seed mode must be keep or replace, got '" + text + "'");
  }
}
