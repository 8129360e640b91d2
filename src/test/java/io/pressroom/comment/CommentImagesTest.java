package io.pressroom.comment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reader's comment cannot make other readers' browsers fetch an image from anywhere. */
@QuarkusTest
class CommentImagesTest {

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void imagesInCommentsAreNotRendered() {
    String slug = fixtures.article(fixtures.author()).create();
    String body = "Nice ![pixel](https://tracker.example/p.gif) read.";

    users
        .reader()
        .json()
        .body(Map.of("body", body))
        .post("/api/v1/articles/" + slug + "/comments")
        .then()
        .statusCode(201)
        .body("body", containsString("tracker.example"))
        .body("html", not(containsString("<img")))
        .body("html", not(containsString("tracker.example")));
  }
}
