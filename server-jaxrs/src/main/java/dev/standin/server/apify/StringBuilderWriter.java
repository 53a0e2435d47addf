package dev.standin.server.apify;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}: what {@link java.io.StringWriter} does without its
 * lock on every write, and with the text's length at hand so that parts can be cut out.
 */
final class StringBuilderWriter extends Writer {

  private final StringBuilder text;

  StringBuilderWriter(int capacity) {
    this.text = new StringBuilder(capacity);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) {
    text.append(string, offset, offset + length);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  int length() {
    return text.length();
  }

  /** The text from {@code start} on, which is then dropped from this writer. */
  String cut(int start) {
    String part = text.substring(start);
    text.setLength(start);
    return part;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
