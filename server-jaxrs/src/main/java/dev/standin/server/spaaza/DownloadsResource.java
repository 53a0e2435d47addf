package dev.standin.server.spaaza;

import dev.standin.server.kernel.http.CurrentRequest;
import dev.standin.server.kernel.http.PublicRoute;
import dev.standin.server.spaaza.errors.SpaazaException;
import dev.standin.server.spaaza.export.ExportFiles;
import dev.standin.server.spaaza.tasks.DownloadLinks;
import dev.standin.server.spaaza.tasks.TaskDocuments;
import dev.standin.spaaza.errors.SpaazaError;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.server.api.DownloadsApi;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;

/**
 * Serves result files behind signed links, without other credentials. The link must be unaltered
 * and unexpired, and the task must still be DONE with that very file as its result.
 */
@PublicRoute
public class DownloadsResource implements DownloadsApi {

  private final DownloadLinks links;
  private final TaskDocuments tasks;
  private final ExportFiles files;

  public DownloadsResource(DownloadLinks links, TaskDocuments tasks, ExportFiles files) {
    this.links = links;
    this.tasks = tasks;
    this.files = files;
  }

  @Override
  public String downloadGet(
      Long id, String fileName, Long expires, String signature, String apiVersion) {
    switch (links.check(id, fileName, expires, signature)) {
      case INVALID -> throw new SpaazaException(SpaazaError.DOWNLOAD_LINK_INVALID);
      case EXPIRED -> throw new SpaazaException(SpaazaError.DOWNLOAD_LINK_EXPIRED);
      case VALID -> {}
    }
    byte[] content =
        tasks
            .find(id)
            .filter(task -> task.getState().getCode() == TaskStateCode.DONE)
            .filter(task -> fileName.equals(task.getResult()))
            .flatMap(task -> files.read(fileName))
            .orElseThrow(() -> SpaazaException.taskNotFound(id));
    DownloadHeaders.mark(request(), fileName);
    return new String(content, StandardCharsets.UTF_8);
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}
