package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signing key rotation: the new key signs, and tokens signed with the previous key keep working
 * while it is configured among the previous keys (one as a private key, one as a public key).
 */
@QuarkusTest
@TestProfile(SigningKeyRotationTest.Rotating.class)
class SigningKeyRotationTest {

  static final KeyPair NEW = generate();
  static final KeyPair PREVIOUS = generate();
  static final KeyPair PREVIOUS_PUBLIC_ONLY = generate();
  static final KeyPair UNKNOWN = generate();

  public static class Rotating implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "pressroom.tokens.signing-key",
          pem("PRIVATE KEY", NEW.getPrivate().getEncoded()),
          "pressroom.tokens.previous-signing-keys",
          Base64.getEncoder().encodeToString(PREVIOUS.getPrivate().getEncoded())
              + ","
              + pem("PUBLIC KEY", PREVIOUS_PUBLIC_ONLY.getPublic().getEncoded()));
    }
  }

  @Inject Users users;

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String kid(KeyPair pair) {
    return TokenKeys.keyId((RSAPublicKey) pair.getPublic());
  }

  private static String signedWith(KeyPair pair, String kid, Users.User user) {
    return AccessTokenTest.token(
        pair.getPrivate(),
        kid,
        AccessTokenTest.AUDIENCE,
        user,
        "pressroom",
        Instant.now().plusSeconds(600));
  }

  private static int meWith(String token) {
    return given().header("Authorization", "Bearer " + token).get("/api/v1/me").statusCode();
  }

  @Test
  void theNewKeySignsAndNamesItselfByItsThumbprint() {
    Users.User user = users.reader();
    assertThat(AccessTokenTest.headerOf(user.accessToken()).getString("kid")).isEqualTo(kid(NEW));
    user.request().get("/api/v1/me").then().statusCode(200).body("handle", equalTo(user.handle()));
  }

  @Test
  void tokensOfThePreviousKeysStillWork() {
    Users.User user = users.reader();
    assertThat(meWith(signedWith(PREVIOUS, kid(PREVIOUS), user))).isEqualTo(200);
    assertThat(meWith(signedWith(PREVIOUS_PUBLIC_ONLY, kid(PREVIOUS_PUBLIC_ONLY), user)))
        .isEqualTo(200);
  }

  @Test
  void aKeyThatIsNotConfiguredOrAKidOfAnotherKeyIsRefused() {
    Users.User user = users.reader();
    assertThat(meWith(signedWith(UNKNOWN, kid(UNKNOWN), user))).isEqualTo(401);
    assertThat(meWith(signedWith(UNKNOWN, kid(NEW), user))).isEqualTo(401);
    assertThat(meWith(signedWith(PREVIOUS, kid(NEW), user))).isEqualTo(401);
    assertThat(meWith(signedWith(PREVIOUS, null, user))).isEqualTo(401);
  }
}
