package dev.standin.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.ApifyClient;
import dev.standin.server.StandinServer;
import dev.standin.server.kernel.state.SeedMode;
import dev.standin.spaaza.client.SpaazaClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A running stand-in server as a test sees it: its URLs, the seed's credentials, ready clients, and
 * its state (reset, load, snapshot). Injected into any parameter of this type.
 */
public final class Standin {

  private final StandinServer server;
  private final JsonNode seed;
  private final Map<String, String> userTokens = new LinkedHashMap<>();
  private final Map<Long, String[]> chainTokens = new LinkedHashMap<>();

  Standin(StandinServer server, JsonNode seed) {
    this.server = server;
    this.seed = seed;
    for (JsonNode user : seed.path("apify").path("users")) {
      JsonNode token = user.path("tokens").path(0);
      if (token.isTextual()) {
        userTokens.put(user.path("username").asText(), token.asText());
      }
    }
    for (JsonNode chain : seed.path("spaaza").path("chains")) {
      for (JsonNode token : chain.path("tokens")) {
        if (token.path("secret").isTextual()) {
          chainTokens.put(
              chain.path("id").asLong(),
              new String[] {token.path("tokenId").asText(), token.path("secret").asText()});
          break;
        }
      }
    }
  }

  /** Where the Apify API listens, ending in a slash. */
  public URI apifyUrl() {
    return server.baseUri();
  }

  /** Where the Spaaza Services API listens, ending in a slash. */
  public URI spaazaUrl() {
    return server.spaaza().baseUri();
  }

  /** The admin API's token ({@code /__admin/...} on {@link #apifyUrl()}), for other clients. */
  public String adminToken() {
    return server.adminToken().orElseThrow();
  }

  /** The seed document the server started from ({@code {}} without one). */
  public JsonNode seed() {
    return seed;
  }

  /** The first API token the seed gives {@code username} in clear. */
  public String apifyToken(String username) {
    String token = userTokens.get(username);
    if (token == null) {
      throw new NoSuchElementException(
          "the seed gives no user '"
              + username
              + "' a token in clear; users with one: "
              + userTokens.keySet());
    }
    return token;
  }

  /** A client of {@code username}, signed in with {@link #apifyToken}. */
  public ApifyClient apify(String username) {
    return ApifyClient.builder().baseUrl(apifyUrl().toString()).token(apifyToken(username)).build();
  }

  /** A client of the seed's first user with a token in clear. */
  public ApifyClient apify() {
    if (userTokens.isEmpty()) {
      throw new NoSuchElementException("the seed gives no Apify user a token in clear");
    }
    return apify(userTokens.keySet().iterator().next());
  }

  /** A client of chain {@code chainId}, signed in with its first seeded token secret. */
  public SpaazaClient spaaza(long chainId) {
    String[] token = chainTokens.get(chainId);
    if (token == null) {
      throw new NoSuchElementException(
          "the seed gives chain "
              + chainId
              + " no token with its secret in clear; chains with one: "
              + chainTokens.keySet());
    }
    return SpaazaClient.builder().baseUrl(spaazaUrl().toString()).token(token[0], token[1]).build();
  }

  /** A client of the seed's first chain with a token secret in clear. */
  public SpaazaClient spaaza() {
    if (chainTokens.isEmpty()) {
      throw new NoSuchElementException("the seed gives no Spaaza chain a token secret in clear");
    }
    return spaaza(chainTokens.keySet().iterator().next());
  }

  /** Puts the whole state back to the seed, atomically. */
  public void reset() {
    server.state().reset(true, null, null);
  }

  /** Loads a seed document over the current state ({@code replace}: instead of it). */
  public void load(String seedJson, boolean replace) {
    server
        .state()
        .load(
            seedJson.getBytes(StandardCharsets.UTF_8), replace ? SeedMode.REPLACE : SeedMode.KEEP);
  }

  /** The whole state as a seed document (what {@code GET /__admin/snapshot} answers). */
  public String snapshot() {
    return new String(server.state().exportBytes(), StandardCharsets.UTF_8);
  }

  /** The server itself, for what this handle does not offer. */
  public StandinServer server() {
    return server;
  }

  static JsonNode parse(byte[] json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the seed is not JSON: " + e.getMessage(), e);
    }
  }
}
