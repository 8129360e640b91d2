package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void withNeitherHeaderTheRequestIsAnonymous() {
    Credentials none = new Credentials(null, false);

    assertThat(none.anonymous()).isTrue();
    assertThat(none.token()).isFalse();
    assertThat(none.signedIn()).isFalse();
  }

  @Test
  void aTokenAloneIsASignedInReader() {
    Credentials reader = new Credentials("Bearer abc", false);

    assertThat(reader.anonymous()).isFalse();
    assertThat(reader.token()).isTrue();
    assertThat(reader.signedIn()).isTrue();
  }

  @Test
  void anApiKeyAloneIsAClientThatIsNeitherAnonymousNorSignedIn() {
    Credentials client = new Credentials(null, true);

    assertThat(client.anonymous()).isFalse();
    assertThat(client.token()).isFalse();
    assertThat(client.signedIn()).isFalse();
  }

  @Test
  void aTokenBesideAnApiKeyMakesTheAnswerPersonalButIsLimitedAsTheClient() {
    Credentials both = new Credentials("Bearer abc", true);

    assertThat(both.anonymous()).isFalse();
    assertThat(both.token()).isTrue();
    assertThat(both.signedIn()).isFalse();
  }

  @Test
  void anEmptyAuthorizationHeaderStillCountsAsAToken() {
    // The security layer answers it with 401; no filter may serve it a shared answer first.
    Credentials empty = new Credentials("", false);

    assertThat(empty.anonymous()).isFalse();
    assertThat(empty.token()).isTrue();
  }
}
