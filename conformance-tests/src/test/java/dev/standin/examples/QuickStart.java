package dev.standin.examples;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's quick start, kept compiling and running by {@code QuickStartTest}: creates an Actor
 * and a task, merges into the task's input twice and prints the result.
 *
 * <p>Usage: {@code QuickStart BASE_URL TOKEN}, e.g. {@code http://localhost:8080 apify_api_...}.
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: QuickStart BASE_URL TOKEN");
      System.exit(2);
    }
    ApifyClient client = ApifyClient.builder().baseUrl(args[0]).token(args[1]).build();

    Actor actor =
        client
            .actors()
            .create(
                new CreateActorRequest()
                    .name("quick-start-actor")
                    .versions(
                        List.of(
                            new Version()
                                .versionNumber("0.1")
                                .sourceType(VersionSourceType.GIT_REPO)
                                .gitRepoUrl("https://github.com/me/my-actor")
                                .buildTag("latest"))));
    Task task =
        client
            .tasks()
            .create(new CreateTaskRequest().actId(actor.getId()).name("quick-start-task"));

    client
        .task(task.getId())
        .updateInput(Map.of("startUrls", List.of("https://example.com"), "maxItems", 10));
    Map<String, Object> changes = new HashMap<>();
    changes.put("maxItems", 20); // replaces the stored value
    changes.put("proxy", null); // stored as null: absent and null differ
    Map<String, Object> input = client.task(task.getId()).updateInput(changes);

    System.out.println(input);
  }
}
