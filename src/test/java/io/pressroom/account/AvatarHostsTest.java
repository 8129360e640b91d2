package io.pressroom.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvatarHostsTest {

  private final AvatarHosts defaults =
      new AvatarHosts(List.of("gravatar.com", "githubusercontent.com"));

  @Test
  void anHttpsAddressOnAnAllowedHostOrItsSubdomainIsAllowed() {
    assertThat(defaults.allows("https://gravatar.com/avatar/0f1e")).isTrue();
    assertThat(defaults.allows("https://secure.gravatar.com/avatar/0f1e?s=80")).isTrue();
    assertThat(defaults.allows("https://avatars.githubusercontent.com/u/1?v=4")).isTrue();
    assertThat(defaults.allows("https://SECURE.Gravatar.COM./avatar/0f1e")).isTrue();
  }

  @Test
  void anotherHostALookalikeOrPlainHttpIsNot() {
    assertThat(defaults.allows("https://tracker.example.com/pixel.png")).isFalse();
    assertThat(defaults.allows("https://evilgravatar.com/avatar/0f1e")).isFalse();
    assertThat(defaults.allows("https://gravatar.com.example.com/avatar/0f1e")).isFalse();
    assertThat(defaults.allows("https://gravatar.com@tracker.example.com/p.png")).isFalse();
    assertThat(defaults.allows("http://secure.gravatar.com/avatar/0f1e")).isFalse();
    assertThat(defaults.allows("https://192.0.2.1/p.png")).isFalse();
  }

  @Test
  void noAvatarIsAlwaysAllowed() {
    assertThat(defaults.allows(null)).isTrue();
  }

  @Test
  void aStarAllowsAnyHostAndNoHostAllowsNone() {
    AvatarHosts any = new AvatarHosts(List.of("*"));
    AvatarHosts none = new AvatarHosts(List.of(""));

    assertThat(any.allows("http://tracker.example.com/pixel.png")).isTrue();
    assertThat(none.allows("https://secure.gravatar.com/avatar/0f1e")).isFalse();
    assertThat(none.rule()).isEqualTo("cannot be set on this site");
  }

  @Test
  void theRuleNamesTheHosts() {
    assertThat(new AvatarHosts(List.of(" .Example.net ")).rule())
        .isEqualTo("must be an https address on example.net (or a subdomain)");
  }
}
