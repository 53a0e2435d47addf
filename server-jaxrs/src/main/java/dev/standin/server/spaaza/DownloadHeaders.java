package dev.standin.server.spaaza;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Gives a downloaded file its own media type and an attachment name: the resource method can only
 * return the content, so it {@link #mark}s the request and this filter sets the headers.
 */
public class DownloadHeaders implements ContainerResponseFilter {

  private static final String PROPERTY = DownloadHeaders.class.getName();

  static void mark(ContainerRequestContext request, String fileName) {
    request.setProperty(PROPERTY, fileName);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(PROPERTY) instanceof String fileName && response.getStatus() == 200) {
      String type = fileName.endsWith(".csv") ? "text/csv; charset=UTF-8" : "application/json";
      response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type);
      response
          .getHeaders()
          .putSingle("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
  }
}
