package io.pressroom.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client's address, the one place rate limits and throttles get it from. Vert.x reports the
 * peer, or the client a trusted proxy forwarded for (quarkus.http.proxy.*: forwarded headers count
 * only from the addresses in trusted-proxies, see README). IPv6 clients are grouped by their /64:
 * one subscriber usually holds a whole /64, and limits per single address would give them 2^64.
 */
public final class ClientAddress {

  private ClientAddress() {}

  /** The key that limits and throttles count against: an IPv4 address or an IPv6 /64. */
  public static String of(HttpServerRequest request) {
    return group(exact(request));
  }

  /** The full address, for records such as a report's origin. */
  public static String exact(HttpServerRequest request) {
    SocketAddress address = request == null ? null : request.remoteAddress();
    return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
  }

  /** An IPv6 address as its /64 prefix ({@code 2001:db8:0:1::/64}); anything else unchanged. */
  public static String group(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    InetAddress parsed;
    try {
      // A literal (it has a colon), so no name lookup happens.
      parsed = InetAddress.getByName(address);
    } catch (UnknownHostException | SecurityException e) {
      return address;
    }
    if (!(parsed instanceof Inet6Address)) {
      return parsed.getHostAddress();
    }
    byte[] bytes = parsed.getAddress();
    for (int i = 8; i < 16; i++) {
      bytes[i] = 0;
    }
    try {
      String prefix = InetAddress.getByAddress(bytes).getHostAddress();
      return compress(prefix) + "/64";
    } catch (UnknownHostException e) {
      return address;
    }
  }

  /** Java prints 2001:db8:0:1:0:0:0:0; the zero tail of a /64 prefix reads better as ::. */
  private static String compress(String full) {
    String trimmed = full.replaceFirst("(:0)+$", "");
    if (trimmed.equals("0")) {
      return "::";
    }
    return trimmed.contains("::") ? trimmed : trimmed + "::";
  }
}
