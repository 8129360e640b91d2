package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void ipv6ClientsAreGroupedByTheirSlash64() {
    assertThat(ClientAddress.group("2001:db8:0:1:aaaa:bbbb:cccc:dddd"))
        .isEqualTo("2001:db8:0:1::/64");
    assertThat(ClientAddress.group("2001:0db8:0000:0001:0000:0000:0000:0001"))
        .isEqualTo("2001:db8:0:1::/64");
    assertThat(ClientAddress.group("2001:db8::1")).isEqualTo("2001:db8::/64");
    assertThat(ClientAddress.group("2001:db8:0:2::1"))
        .isNotEqualTo(ClientAddress.group("2001:db8:0:1::1"));
    assertThat(ClientAddress.group("0:0:0:0:0:0:0:1")).isEqualTo("::/64");
    assertThat(ClientAddress.group("fe80::1%1")).isEqualTo("fe80::/64");
  }

  @Test
  void ipv4AddressesStayWhole() {
    assertThat(ClientAddress.group("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.group("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.group("unknown")).isEqualTo("unknown");
  }
}
