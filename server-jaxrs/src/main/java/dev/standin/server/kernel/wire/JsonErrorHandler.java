package dev.standin.server.kernel.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty answers some requests itself before Jersey sees them (a header block too large, a URI it
 * cannot parse, a body it refuses). Instead of its HTML page, those answers carry the API's JSON
 * error body, never a stack trace.
 */
public class JsonErrorHandler extends ErrorHandler {

  private final ErrorResponder responder;

  public JsonErrorHandler(ErrorResponder responder) {
    this.responder = responder;
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String body = bodyFor(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** Answers to requests the HTTP parser rejected (e.g. 431 for oversized headers). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(bodyFor(status).getBytes(StandardCharsets.UTF_8));
  }

  private String bodyFor(int code) {
    WireError error =
        code == 404
            ? WireError.NOT_FOUND
            : code == 413 ? WireError.REQUEST_TOO_LARGE : code >= 500 ? WireError.INTERNAL : null;
    String text =
        error == WireError.INTERNAL
            ? "The server could not complete the request. Try again later."
            : "The request could not be processed (HTTP " + code + ").";
    return responder.body(error != null ? error : WireError.BAD_REQUEST, text);
  }
}
