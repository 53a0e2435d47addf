package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Spaaza token sent without its scheme, or without its secret, is told so. */
class SpaazaClearMessagesTest extends SpaazaConformanceTest {

  @Test
  void aTokenWithoutBearerSaysTheSchemeIsMissing() {
    Raw raw =
        raw(
            "GET",
            "/tasks",
            Map.of("Authorization", TOKEN_A.tokenId() + ":" + TOKEN_A.secret()),
            null);

    assertThat(raw.status()).isEqualTo(401);
    assertThat(raw.errorName()).isEqualTo("not_authenticated");
    assertThat(raw.json().path("error").path("description").asText())
        .contains("\"Bearer TOKEN_ID:TOKEN_SECRET\"")
        .contains("scheme is missing");
  }

  @Test
  void aBearerTokenWithoutItsSecretSaysWhatItTakes() {
    Raw raw = raw("GET", "/tasks", Map.of("Authorization", "Bearer " + TOKEN_A.tokenId()), null);

    assertThat(raw.status()).isEqualTo(401);
    assertThat(raw.json().path("error").path("description").asText())
        .contains("TOKEN_ID:TOKEN_SECRET");
  }
}
