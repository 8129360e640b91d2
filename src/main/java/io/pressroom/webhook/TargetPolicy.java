package io.pressroom.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may call. A subscription's URL is chosen by whoever holds an admin account or
 * key, and the server calls it from inside its own network: without this rule a URL could reach the
 * database, a cloud metadata service or an admin port (server-side request forgery). The address
 * rule is applied when a subscription is saved and again before every attempt, because a name can
 * resolve elsewhere later.
 */
public final class TargetPolicy {

  static final int MAX_URL_LENGTH = 2000;

  private final boolean allowHttp;
  private final boolean allowPrivateTargets;
  private final Resolver resolver;

  public TargetPolicy(boolean allowHttp, boolean allowPrivateTargets) {
    this(allowHttp, allowPrivateTargets, InetAddress::getAllByName);
  }

  /** A policy resolving names with {@code resolver} (a test's, instead of the system's). */
  TargetPolicy(boolean allowHttp, boolean allowPrivateTargets, Resolver resolver) {
    this.allowHttp = allowHttp;
    this.allowPrivateTargets = allowPrivateTargets;
    this.resolver = resolver;
  }

  /** Resolves a host name to its addresses, as {@link InetAddress#getAllByName} does. */
  interface Resolver {
    InetAddress[] addresses(String host) throws UnknownHostException;
  }

  /**
   * The address a call of the URL's host goes to, once the rule allowed every address the host
   * resolves to, or why it may not be called.
   */
  record Target(Optional<InetAddress> address, Optional<String> problem) {
    static Target refused(String problem) {
      return new Target(Optional.empty(), Optional.of(problem));
    }
  }

  /** Why {@code url} may not be a target, judged on its text alone; empty when it may. */
  public Optional<String> urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("must be an absolute https URL");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return Optional.of(
          allowHttp ? "must be an http or https URL" : "must be an https URL (http is refused)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    return Optional.empty();
  }

  /**
   * Why the host of {@code url} may not be called now: it does not resolve, or one of its addresses
   * is internal. Empty when it may be called. Resolves the name, so it can block for as long as the
   * system resolver takes.
   */
  public Optional<String> addressProblem(URI url) {
    // Where every address is allowed, saving a subscription needs no look-up.
    return allowPrivateTargets ? Optional.empty() : target(url).problem();
  }

  /**
   * Resolves the host of {@code url} once and judges its addresses: the address to connect to when
   * all are allowed. A delivery connects to that very address, not to the name: resolved again for
   * the connection, a name could answer an allowed address to the check and an internal one to the
   * connection a moment later (DNS rebinding).
   */
  Target target(URI url) {
    String host = url.getHost();
    if (host == null) {
      return Target.refused("the URL names no host");
    }
    List<InetAddress> addresses;
    try {
      addresses = Arrays.asList(resolver.addresses(unbracketed(host)));
    } catch (UnknownHostException e) {
      return Target.refused("the host " + host + " does not resolve");
    }
    if (addresses.isEmpty()) {
      return Target.refused("the host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!allowPrivateTargets && isInternal(address)) {
        return Target.refused(
            "the host "
                + host
                + " resolves to an internal address ("
                + address.getHostAddress()
                + "); such targets are refused");
      }
    }
    return new Target(Optional.of(addresses.get(0)), Optional.empty());
  }

  /**
   * Whether a server must not call {@code address} on someone else's behalf: loopback, unspecified,
   * private (RFC 1918, IPv6 unique local), link-local (including cloud metadata at
   * 169.254.169.254), shared carrier-grade NAT space, multicast, broadcast, benchmarking and
   * reserved ranges, and IPv6 addresses that embed any of those IPv4 addresses.
   */
  static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isInternalV4(bytes);
    }
    if (address instanceof Inet6Address) {
      return isInternalV6(bytes);
    }
    return true;
  }

  private static boolean isInternalV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network"
        || first == 10
        || first == 127
        || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
        || (first == 169 && second == 254)
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 168)
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (first == 198 && (second == 18 || second == 19)) // benchmarking
        || first >= 224; // multicast, reserved and broadcast
  }

  private static boolean isInternalV6(byte[] b) {
    int first = b[0] & 0xff;
    if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
      return true;
    }
    if (first == 0xfe && (b[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
      return true;
    }
    if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return isInternalV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (isZero(b, 0, 12)) {
      return true; // IPv4-compatible ::a.b.c.d (deprecated) and ::, ::1
    }
    if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return isInternalV4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::/96
    }
    if (first == 0x20 && (b[1] & 0xff) == 0x02) {
      return isInternalV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16
    }
    return first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0; // Teredo 2001::/32
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
