package dev.standin.server.spaaza.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Secret hashes carry their own work factor, so a check never depends on the configured one. */
class SecretHasherTest {

  @Test
  void aHashSaysItsWorkFactorAndASaltOfItsOwn() {
    SecretHasher hasher = new SecretHasher(1_000);

    String first = hasher.hash("s3cret");
    String second = hasher.hash("s3cret");

    assertThat(first).startsWith("pbkdf2-sha256$1000$");
    assertThat(first.split("\\$")).hasSize(4);
    assertThat(second).as("a fresh salt per hash").isNotEqualTo(first);
    assertThat(SecretHasher.DEFAULT.hash("s3cret")).startsWith("pbkdf2-sha256$120000$");
  }

  @Test
  void aHashIsCheckedWithTheWorkFactorWrittenInIt() {
    String cheap = new SecretHasher(1_000).hash("s3cret");
    String dear = SecretHasher.DEFAULT.hash("s3cret");

    assertThat(SecretHasher.matches("s3cret", cheap)).isTrue();
    assertThat(SecretHasher.matches("s3cret", dear)).isTrue();
    assertThat(SecretHasher.matches("S3cret", cheap)).isFalse();
    assertThat(SecretHasher.matches("s3cret", cheap.replace("$1000$", "$1001$")))
        .as("the iteration count is part of what is checked")
        .isFalse();
  }

  @Test
  void aWorkFactorBelowOneIsRefused() {
    assertThatThrownBy(() -> new SecretHasher(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
