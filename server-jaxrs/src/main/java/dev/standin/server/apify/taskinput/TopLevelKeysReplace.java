package dev.standin.server.apify.taskinput;

import dev.standin.server.apify.taskinput.streaming.JsonObjectView;
import dev.standin.server.apify.taskinput.streaming.TokenStreamMerge;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.json.DocumentJson;
import java.util.Map;

/**
 * The task-input merge rule ({@code PUT /v2/actor-tasks/{id}/input}): <b>top-level keys
 * replace</b>. Each top-level property of the patch replaces the stored property of that name,
 * whatever it held, and {@code null} is stored as {@code null} (ADR 0002); stored properties the
 * patch does not name are kept, in their place; nested objects and arrays are never merged, they
 * are values like any other. The task's {@code modifiedAt} moves on.
 *
 * <p>That is the whole rule. The machinery that carries it out without building a tree of a large
 * input (it runs inside the store's atomic update, which other writes of the task wait for) is in
 * {@link dev.standin.server.apify.taskinput.streaming}.
 */
public final class TopLevelKeysReplace {

  /** The new task document (JSON text) and its merged input, as the answer gives it. */
  public record Result(String task, Map<String, Object> input) {}

  private final TokenStreamMerge merge;
  private final DocumentJson json;

  public TopLevelKeysReplace(DocumentJson json, Timestamps timestamps) {
    this.merge = new TokenStreamMerge(json.mapper(), timestamps);
    this.json = json;
  }

  /** The patch, ready to merge: its top-level properties in order, each value as JSON text. */
  public Map<String, String> patchOf(Map<String, Object> body) {
    return merge.patchOf(body);
  }

  /** Applies the rule to a stored task (JSON text); must stay pure (the store may rerun it). */
  public Result apply(String storedTask, Map<String, String> patch) {
    TokenStreamMerge.Result merged = merge.apply(storedTask, patch);
    return new Result(merged.task(), new JsonObjectView(merged.input(), json));
  }

  /** A stored task's input, answered as its stored text ({@code {}} when it has none). */
  public Map<String, Object> inputOf(String storedTask) {
    return new JsonObjectView(merge.inputOf(storedTask), json);
  }
}
