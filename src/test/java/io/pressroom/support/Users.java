package io.pressroom.support;

import static io.restassured.RestAssured.given;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.account.KnownSessions;
import io.pressroom.account.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;

/** Signs up accounts through the API, as clients do, and gives them the role a test needs. */
@ApplicationScoped
public class Users {

  public static final String PASSWORD = "correct horse battery";

  private static final Duration ANNOUNCEMENT_WAIT = Duration.ofSeconds(2);

  private final EntityManager entityManager;
  private final KnownSessions knownSessions;
  private final MeterRegistry meters;

  Users(EntityManager entityManager, KnownSessions knownSessions, MeterRegistry meters) {
    this.entityManager = entityManager;
    this.knownSessions = knownSessions;
    this.meters = meters;
  }

  /** A signed-up account with its tokens. */
  public record User(
      long id, String handle, String email, String accessToken, String refreshToken) {

    public RequestSpecification request() {
      return given().header("Authorization", "Bearer " + accessToken);
    }

    public RequestSpecification json() {
      return request().contentType(ContentType.JSON);
    }
  }

  /** A draft written over the API by {@code author} (answered 201), by its slug. */
  public String draft(User author, Map<String, ?> fields) {
    return author
        .json()
        .body(fields)
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  /** Publishes the article over the API as a new editor (answered 200). */
  public void publish(String slug) {
    editor().request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
  }

  /** An article written by {@code author} and published by an editor, over the API. */
  public String published(User author, Map<String, ?> fields) {
    String slug = draft(author, fields);
    publish(slug);
    return slug;
  }

  public User reader() {
    return signUp(Role.READER);
  }

  public User author() {
    return signUp(Role.AUTHOR);
  }

  public User editor() {
    return signUp(Role.EDITOR);
  }

  public User admin() {
    return signUp(Role.ADMIN);
  }

  /** A sign-up with the test password, ready to send (add headers, then post). */
  public static RequestSpecification signUpRequest(String email, String handle, String name) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", PASSWORD, "handle", handle, "name", name));
  }

  public User signUp(Role role) {
    String handle = Fixtures.unique(role.value());
    String email = handle + "@example.com";
    var response =
        signUpRequest(email, handle, handle)
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    setRole(handle, role);
    return new User(
        accountId(handle),
        handle,
        email,
        response.getString("accessToken"),
        response.getString("refreshToken"));
  }

  public void setRole(String handle, Role role) {
    double heard = announcementsHeard();
    int changed =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "update accounts set role = :role where handle = :handle"
                                + " and role <> :role")
                        .setParameter("role", role.value())
                        .setParameter("handle", handle)
                        .executeUpdate());
    // As the admin's change does on this instance once it commits (the others hear V14's message).
    knownSessions.forget(accountId(handle));
    if (changed > 0) {
      awaitAnnouncementSince(heard);
    }
  }

  /**
   * V14 announces a role change to every instance, this one too, whose listener forgets the
   * account's check again when the message arrives: a test that has the check remembered by then
   * would see it forgotten under its feet (one statement more). Waited for a moment, not required:
   * while the listener is reconnecting the message is lost, and nothing is remembered meanwhile.
   */
  private void awaitAnnouncementSince(double heard) {
    long deadline = System.nanoTime() + ANNOUNCEMENT_WAIT.toNanos();
    while (announcementsHeard() <= heard && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private double announcementsHeard() {
    Counter received = meters.find("pressroom.invalidation.received").counter();
    return received == null ? 0 : received.count();
  }

  private long accountId(String handle) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("select id from accounts where handle = :h")
                            .setParameter("h", handle)
                            .getSingleResult())
                    .longValue());
  }
}
