package io.pressroom.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address. Behind a trusted proxy, set quarkus.http.proxy.proxy-address-forwarding
 * (and allow-forwarded or allow-x-forwarded) so that Vert.x reports the original client.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServerRequest request) {
    SocketAddress address = request == null ? null : request.remoteAddress();
    return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
  }
}
