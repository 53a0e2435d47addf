package dev.standin.server.kernel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps as the vendor writes them: UTC, millisecond precision. */
public final class Timestamps {

  private final Clock clock;

  public Timestamps(Clock clock) {
    this.clock = clock;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MILLIS);
  }

  /** A modification time that is later than {@code previous}, even within one millisecond. */
  public OffsetDateTime after(OffsetDateTime previous) {
    OffsetDateTime now = now();
    return previous != null && !now.isAfter(previous) ? previous.plus(1, ChronoUnit.MILLIS) : now;
  }
}
