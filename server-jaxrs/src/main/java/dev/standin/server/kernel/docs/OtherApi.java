package dev.standin.server.kernel.docs;

/**
 * Another API of the same server, linked from an API's docs page.
 *
 * @param name what the link says, e.g. the API's title
 * @param port the port it listens on (its page is {@code /docs} there, on the same host)
 */
public record OtherApi(String name, int port) {}
