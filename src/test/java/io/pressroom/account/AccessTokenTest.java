package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
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

  private static String token(PrivateKey key, long accountId, String issuer, Instant expiresAt) {
    return Jwt.issuer(issuer)
        .subject(Long.toString(accountId))
        .upn("someone")
        .groups(Set.of("admin"))
        .issuedAt(expiresAt.minusSeconds(600))
        .expiresAt(expiresAt)
        .sign(key);
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
  void anInvalidTokenOnAPublicEndpointIsStill401() {
    given()
        .header("Authorization", "Bearer nonsense")
        .get("/api/v1/articles")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
