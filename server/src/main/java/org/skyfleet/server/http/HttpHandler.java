package org.skyfleet.server.http;

import io.netty.handler.codec.http.HttpHeaders;

/** Answers one kind of HTTP request with a complete reply. Runs on the HTTP event loop: must not block long. */
@FunctionalInterface
public interface HttpHandler {
    HttpReply handle(HttpHeaders headers, byte[] body);
}
