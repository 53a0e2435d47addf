package dev.standin.apify.client;

/**
 * Resource IDs as the API wants them in a path: {@code username/name} becomes {@code
 * username~name}.
 */
public final class ResourceIds {

  private ResourceIds() {}

  public static String toPathId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a resource ID is required");
    }
    return id.replace('/', '~');
  }
}
