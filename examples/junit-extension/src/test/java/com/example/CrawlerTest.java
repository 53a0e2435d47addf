package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Task;
import dev.standin.junit.ApifyUrl;
import dev.standin.junit.Chain;
import dev.standin.junit.Seeded;
import dev.standin.junit.Standin;
import dev.standin.junit.StandinTest;
import dev.standin.junit.User;
import dev.standin.spaaza.client.SpaazaClient;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

@StandinTest(seed = "standin-seed.json")
class CrawlerTest {
  @Test
  void mergesInput(@User("alice") ApifyClient alice, @Chain(7) SpaazaClient chain,
                   @ApifyUrl URI apifyUrl, @Seeded("nightly-crawl") Task task, Standin standin) {
    // your code under test, pointed at apifyUrl with standin.apifyToken("alice") ...
    alice.task("~nightly-crawl").updateInput(Map.of("maxItems", 20));
    assertEquals(20, alice.task(task.getId()).getInput().orElseThrow().get("maxItems"));
  }

  @Test
  void startsFromTheSeed(@User("alice") ApifyClient alice) {
    assertEquals(10, alice.task("~nightly-crawl").getInput().orElseThrow().get("maxItems"));
  }
}
