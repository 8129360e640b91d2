package io.pressroom.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when forwarded headers are believed from everyone: Quarkus trusts every peer
 * when proxy address forwarding is on and no trusted proxy is listed, and any client could then
 * pick its own address and escape every limit.
 */
@ApplicationScoped
class ProxyTrust {

  private final boolean forwarding;
  private final Optional<List<String>> trustedProxies;

  ProxyTrust(
      @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
          boolean forwarding,
      @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
          Optional<List<String>> trustedProxies) {
    this.forwarding = forwarding;
    this.trustedProxies = trustedProxies;
  }

  void check(@Observes StartupEvent event) {
    check(forwarding, trustedProxies);
  }

  static void check(boolean forwarding, Optional<List<String>> trustedProxies) {
    boolean listed = trustedProxies.stream().flatMap(List::stream).anyMatch(s -> !s.isBlank());
    if (forwarding && !listed) {
      throw new IllegalStateException(
          "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING is on but QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"
              + " is empty, so every client could forge its address: list the addresses of your"
              + " proxies (IPs or CIDR ranges).");
    }
  }
}
