package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTokenTest {

  @Inject Users users;
  @Inject TokenKeys keys;

  private static void rejected(String token) {
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unauthorized"));
  }

  static final String AUDIENCE = "pressroom-api";

  /** A token as the API issues them, signed with {@code key} and naming {@code keyId}. */
  static String token(
      PrivateKey key,
      String keyId,
      String audience,
      long accountId,
      String issuer,
      Instant expiresAt) {
    JwtClaimsBuilder claims =
        Jwt.issuer(issuer)
            .subject(Long.toString(accountId))
            .upn("someone")
            .groups(Set.of("admin"))
            .issuedAt(expiresAt.minusSeconds(600))
            .expiresAt(expiresAt);
    if (audience != null) {
      claims.audience(audience);
    }
    JwtSignatureBuilder signature = claims.jws();
    if (keyId != null) {
      signature.keyId(keyId);
    }
    return signature.sign(key);
  }

  private String token(PrivateKey key, long accountId, String issuer, Instant expiresAt) {
    return token(key, keys.keyId(), AUDIENCE, accountId, issuer, expiresAt);
  }

  @Test
  void acceptsOurOwnTokens() {
    Users.User user = users.reader();
    given()
        .header(
            "Authorization",
            "Bearer "
                + token(keys.privateKey(), user.id(), "pressroom", Instant.now().plusSeconds(60)))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("handle", equalTo(user.handle()));
  }

  @Test
  void rejectsForgedExpiredAndMalformedTokens() throws NoSuchAlgorithmException {
    Users.User user = users.reader();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey otherKey = generator.generateKeyPair().getPrivate();

    rejected(token(otherKey, user.id(), "pressroom", Instant.now().plusSeconds(600)));
    rejected(token(keys.privateKey(), user.id(), "pressroom", Instant.now().minusSeconds(5)));
    rejected(token(keys.privateKey(), user.id(), "someone-else", Instant.now().plusSeconds(600)));
    rejected("not-a-jwt");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    String claims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"iss\":\"pressroom\",\"sub\":\""
                        + user.id()
                        + "\",\"upn\":\"x\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 600)
                        + "}")
                    .getBytes());
    rejected(header + "." + claims + ".");
    // A valid signature over an account that does not exist.
    rejected(token(keys.privateKey(), 987_654_321L, "pressroom", Instant.now().plusSeconds(60)));
  }

  @Test
  void aTokenForNoOrAnotherAudienceIsRefused() {
    Users.User user = users.reader();
    Instant later = Instant.now().plusSeconds(600);
    rejected(token(keys.privateKey(), keys.keyId(), null, user.id(), "pressroom", later));
    rejected(token(keys.privateKey(), keys.keyId(), "another-api", user.id(), "pressroom", later));
  }

  @Test
  void aTokenThatNamesAnUnknownKeyOrNoKeyIsRefused() {
    Users.User user = users.reader();
    Instant later = Instant.now().plusSeconds(600);
    rejected(token(keys.privateKey(), "no-such-key", AUDIENCE, user.id(), "pressroom", later));
    rejected(token(keys.privateKey(), "pressroom-1", AUDIENCE, user.id(), "pressroom", later));
    rejected(token(keys.privateKey(), null, AUDIENCE, user.id(), "pressroom", later));
  }

  @Test
  void issuedTokensNameTheirAudienceAndKeyAndCarryNoRole() {
    Users.User user = users.reader();
    String[] parts = user.accessToken().split("\\.");
    Base64.Decoder decoder = Base64.getUrlDecoder();
    JsonPath header = new JsonPath(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
    JsonPath claims = new JsonPath(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("kid")).isEqualTo(keys.keyId());
    assertThat(claims.getString("aud")).isEqualTo(AUDIENCE);
    assertThat(claims.getString("groups")).isNull();
  }

  @Test
  void anInvalidTokenOnAPublicEndpointIsStill401() {
    given()
        .header("Authorization", "Bearer nonsense")
        .get("/api/v1/articles")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
