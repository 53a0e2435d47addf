package dev.standin.server.architecture.cyclic.b;

import dev.standin.server.architecture.cyclic.a.Left;

/** Half of a deliberate package cycle, for {@code ArchitectureTest}. */
public class Right {
  Left left;
}
