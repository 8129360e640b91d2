package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyTrustTest {

  @Test
  void forwardingWithoutTrustedProxiesDoesNotStart() {
    assertThatThrownBy(() -> ProxyTrust.check(true, Optional.empty()))
        .hasMessageContaining("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
    assertThatThrownBy(() -> ProxyTrust.check(true, Optional.of(List.of(" "))))
        .hasMessageContaining("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
  }

  @Test
  void forwardingFromListedProxiesOrNoForwardingStarts() {
    assertThatCode(() -> ProxyTrust.check(true, Optional.of(List.of("10.0.0.0/8"))))
        .doesNotThrowAnyException();
    assertThatCode(() -> ProxyTrust.check(false, Optional.empty())).doesNotThrowAnyException();
  }
}
