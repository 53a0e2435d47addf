package dev.standin.server.architecture.cyclic.a;

import dev.standin.server.architecture.cyclic.b.Right;

/** Half of a deliberate package cycle, for {@code ArchitectureTest}. */
public class Left {
  Right right;
}
