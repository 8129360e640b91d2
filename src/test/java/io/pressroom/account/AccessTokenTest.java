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

  /**
   * A token as the API issues them for {@code user}'s account and session, but signed with {@code
   * key} and naming {@code keyId}.
   */
  static String token(
      PrivateKey key,
      String keyId,
      String audience,
      Users.User user,
      String issuer,
      Instant expiresAt) {
    JwtClaimsBuilder claims =
        Jwt.issuer(issuer)
            .subject(Long.toString(user.id()))
            .claim("sid", claimsOf(user.accessToken()).getString("sid"))
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

  private String token(PrivateKey key, Users.User user, String issuer, Instant expiresAt) {
    return token(key, keys.keyId(), AUDIENCE, user, issuer, expiresAt);
  }

  static JsonPath headerOf(String token) {
    return new JsonPath(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
  }

  static JsonPath claimsOf(String token) {
    return new JsonPath(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  @Test
  void acceptsOurOwnTokens() {
    Users.User user = users.reader();
    given()
        .header(
            "Authorization",
            "Bearer " + token(keys.privateKey(), user, "pressroom", Instant.now().plusSeconds(60)))
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

    rejected(token(otherKey, user, "pressroom", Instant.now().plusSeconds(600)));
    rejected(token(keys.privateKey(), user, "pressroom", Instant.now().minusSeconds(5)));
    rejected(token(keys.privateKey(), user, "someone-else", Instant.now().plusSeconds(600)));
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
    // A valid signature over an account that does not exist (with another account's session).
    Users.User nobody =
        new Users.User(987_654_321L, "nobody", "nobody@example.com", user.accessToken(), null);
    rejected(token(keys.privateKey(), nobody, "pressroom", Instant.now().plusSeconds(60)));
  }

  @Test
  void aTokenForNoOrAnotherAudienceIsRefused() {
    Users.User user = users.reader();
    Instant later = Instant.now().plusSeconds(600);
    rejected(token(keys.privateKey(), keys.keyId(), null, user, "pressroom", later));
    rejected(token(keys.privateKey(), keys.keyId(), "another-api", user, "pressroom", later));
  }

  @Test
  void aTokenThatNamesAnUnknownKeyOrNoKeyIsRefused() {
    Users.User user = users.reader();
    Instant later = Instant.now().plusSeconds(600);
    rejected(token(keys.privateKey(), "no-such-key", AUDIENCE, user, "pressroom", later));
    rejected(token(keys.privateKey(), "pressroom-1", AUDIENCE, user, "pressroom", later));
    rejected(token(keys.privateKey(), null, AUDIENCE, user, "pressroom", later));
  }

  @Test
  void issuedTokensNameTheirAudienceAndKeyAndCarryNoRole() {
    Users.User user = users.reader();
    JsonPath header = headerOf(user.accessToken());
    JsonPath claims = claimsOf(user.accessToken());
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

  /**
   * A token signed with our key for a real account, whose session claim is {@code session} (none
   * when null).
   */
  private String tokenNamingSession(Users.User user, String session) {
    JwtClaimsBuilder claims =
        Jwt.issuer("pressroom")
            .subject(Long.toString(user.id()))
            .audience(AUDIENCE)
            .issuedAt(Instant.now().minusSeconds(10))
            .expiresAt(Instant.now().plusSeconds(600));
    if (session != null) {
      claims.claim("sid", session);
    }
    return claims.jws().keyId(keys.keyId()).sign(keys.privateKey());
  }

  @Test
  void aSignedTokenThatNamesNoSessionIsRefusedEveryTimeItIsSent() {
    Users.User user = users.reader();
    // Warm the response cache, so that the signed-in page is answered from memory where it can be.
    given().get("/api/v1/articles").then().statusCode(200);
    for (String token :
        new String[] {tokenNamingSession(user, null), tokenNamingSession(user, "x")}) {
      // Twice each: the second time the token is one the parser verified already and remembers.
      for (int i = 0; i < 2; i++) {
        rejected(token);
        given()
            .header("Authorization", "Bearer " + token)
            .get("/api/v1/articles")
            .then()
            .statusCode(401)
            .contentType("application/problem+json");
      }
    }
    String session = claimsOf(user.accessToken()).getString("sid");
    for (int i = 0; i < 2; i++) {
      given()
          .header("Authorization", "Bearer " + tokenNamingSession(user, session))
          .get("/api/v1/me")
          .then()
          .statusCode(200)
          .body("handle", equalTo(user.handle()));
    }
  }
}
