package io.pressroom.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where an avatar may be: an https address on one of the configured hosts or their subdomains
 * ({@code pressroom.avatars.hosts}), or, with {@code *}, any address the profile accepts. Checked
 * when an avatar is set, since every reader's browser that shows its owner's comments or articles
 * loads it: on a server of its owner's choosing, each load would tell them who reads what, and when
 * (comments are rendered without images for the same reason).
 */
final class AvatarHosts {

  static final String ANY = "*";

  private final List<String> hosts;

  AvatarHosts(List<String> hosts) {
    this.hosts =
        hosts.stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .map(host -> host.startsWith(".") ? host.substring(1) : host)
            .filter(host -> !host.isEmpty())
            .toList();
  }

  /** Whether an avatar may be at {@code url} (null, no avatar, always may). */
  boolean allows(String url) {
    if (url == null || hosts.contains(ANY)) {
      return true;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    for (String allowed : hosts) {
      if (host.equals(allowed) || host.endsWith("." + allowed)) {
        return true;
      }
    }
    return false;
  }

  /** What an avatar's address must be, for the problem that refuses another. */
  String rule() {
    return hosts.isEmpty()
        ? "cannot be set on this site"
        : "must be an https address on " + String.join(", ", hosts) + " (or a subdomain)";
  }
}
