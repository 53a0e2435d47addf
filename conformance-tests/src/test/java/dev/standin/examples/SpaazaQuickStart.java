package dev.standin.examples;

import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.client.SpaazaTaskUpdate;
import dev.standin.spaaza.client.TaskCollectionClient;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskState;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The README's Spaaza quick start, kept compiling and running by {@code QuickStartTest}: schedules
 * an export for tomorrow, changes it, runs it now and prints the link to its file.
 *
 * <p>Usage: {@code SpaazaQuickStart BASE_URL TOKEN_ID:TOKEN_SECRET}, e.g. {@code
 * http://localhost:8081 8fJ2...:Qx7...} (the token printed at first start).
 */
public final class SpaazaQuickStart {

  private SpaazaQuickStart() {}

  public static void main(String[] args) {
    if (args.length != 2 || !args[1].contains(":")) {
      System.err.println("usage: SpaazaQuickStart BASE_URL TOKEN_ID:TOKEN_SECRET");
      System.exit(2);
    }
    String[] token = args[1].split(":", 2);
    SpaazaClient services =
        SpaazaClient.builder().baseUrl(args[0]).token(token[0], token[1]).build();

    Task task =
        services
            .tasks()
            .create(
                new CreateTaskRequest()
                    .chain(1L)
                    .desc("Users export")
                    .target(
                        new TaskTarget()
                            .action(TaskAction.EXPORT)
                            .exportIndex(ExportIndex.USERS)
                            .exportFormat(ExportFormat.CSV))
                    .trigger(
                        new TaskTrigger().once(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))));
    services.task(task.getId()).update(SpaazaTaskUpdate.create().desc("Nightly export").build());
    long ready =
        services
            .tasks()
            .iterate(new TaskCollectionClient.Filter().status(TaskStateCode.READY))
            .count(); // lazy pages
    TaskState state = services.task(task.getId()).execute(); // runs now instead of tomorrow
    URI link = services.task(task.getId()).downloadUrl().getUrl();

    System.out.println(
        ready + " ready; task " + task.getId() + " " + state.getCode() + ": " + link);
  }
}
