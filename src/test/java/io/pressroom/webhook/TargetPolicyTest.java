package io.pressroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

  private final TargetPolicy strict = new TargetPolicy(false, false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "198.18.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3",
        "64:ff9b::a00:1",
        "2002:a00:1::",
        "2001:0:4136:e378::1"
      })
  void internalAddressesAreRefused(String address) throws UnknownHostException {
    assertTrue(TargetPolicy.isInternal(InetAddress.getByName(address)), address);
    assertTrue(
        strict.addressProblem(URI.create("https://" + bracketed(address) + "/")).isPresent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "93.184.216.34",
        "172.32.0.1",
        "100.128.0.1",
        "2606:4700::1111",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808"
      })
  void publicAddressesAreAllowed(String address) throws UnknownHostException {
    assertFalse(TargetPolicy.isInternal(InetAddress.getByName(address)), address);
  }

  @Test
  void namesAreJudgedByWhatTheyResolveTo() {
    assertTrue(strict.addressProblem(URI.create("https://localhost:8443/hook")).isPresent());
    assertTrue(
        strict.addressProblem(URI.create("https://no-such-host.invalid/hook")).isPresent(),
        "a name that does not resolve is refused");
  }

  /**
   * A delivery's address is one the name resolved to in the same look-up that was judged: every
   * address must be allowed, and the first is the one connected to.
   */
  @Test
  void theTargetIsTheFirstAddressOfALookUpWhoseEveryAddressIsAllowed() throws Exception {
    InetAddress first = InetAddress.getByName("93.184.215.14");
    InetAddress second = InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c");
    InetAddress metadata = InetAddress.getByName("169.254.169.254");
    URI url = URI.create("https://hooks.example.com/pressroom");

    TargetPolicy.Target allowed =
        new TargetPolicy(false, false, host -> new InetAddress[] {first, second}).target(url);
    assertEquals(Optional.of(first), allowed.address());
    assertEquals(Optional.empty(), allowed.problem());

    TargetPolicy.Target oneInternal =
        new TargetPolicy(false, false, host -> new InetAddress[] {first, metadata}).target(url);
    assertEquals(Optional.empty(), oneInternal.address());
    assertTrue(oneInternal.problem().orElseThrow().contains("169.254.169.254"));
  }

  @Test
  void privateTargetsMayBeAllowed() {
    TargetPolicy lenient = new TargetPolicy(true, true);
    assertEquals(Optional.empty(), lenient.addressProblem(URI.create("http://127.0.0.1:9/hook")));
    assertEquals(Optional.empty(), lenient.urlProblem("http://127.0.0.1:9/hook"));
  }

  @Test
  void onlyHttpsUnlessHttpIsAllowed() {
    assertEquals(Optional.empty(), strict.urlProblem("https://hooks.example.com/pressroom"));
    assertTrue(strict.urlProblem("http://hooks.example.com/pressroom").isPresent());
    assertTrue(strict.urlProblem("ftp://hooks.example.com/").isPresent());
    assertTrue(strict.urlProblem("https:///no-host").isPresent());
    assertTrue(strict.urlProblem("https://user:pw@hooks.example.com/").isPresent());
    assertTrue(strict.urlProblem("/relative").isPresent());
    assertTrue(strict.urlProblem("https://hooks.example.com/" + "a".repeat(2000)).isPresent());
    assertEquals(
        Optional.empty(), new TargetPolicy(true, false).urlProblem("http://hooks.example.com/"));
  }

  private static String bracketed(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
