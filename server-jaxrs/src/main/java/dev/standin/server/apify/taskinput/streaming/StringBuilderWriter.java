package dev.standin.server.apify.taskinput.streaming;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}: what {@link java.io.StringWriter} does without its
 * lock on every write, with the text's length at hand and a way to take the text and start over.
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

  /** The text written so far, which this writer then forgets. */
  String drain() {
    String written = text.toString();
    text.setLength(0);
    return written;
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
