package io.pressroom.article;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL answers an editor's search of unpublished articles: the word still being typed finds
 * the words it begins there too, as readers' searches of the index do.
 */
@QuarkusTest
class DraftSearchTest {

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void anEditorFindsADraftByTheBeginningOfItsWords() {
    String word = "quaxtrel" + Fixtures.unique("").replace("-", "");
    String typed = word.substring(0, 7);
    Account author = fixtures.author();
    String both =
        fixtures
            .article(author)
            .title("Memory pools and " + word + " at " + word + ".example.org")
            .create();
    String memoryOnly =
        fixtures.article(author).title("Memory pools, " + Fixtures.unique("only")).create();
    fixtures.markDraft(both);
    fixtures.markDraft(memoryOnly);
    Users.User editor = users.editor();

    drafts(editor, typed).body("items.slug", hasItem(both));
    drafts(editor, "memory " + typed)
        .body("items.slug", hasItem(both))
        .body("items.slug", not(hasItem(memoryOnly)));
    drafts(editor, "memory " + word).body("items.slug", hasItem(both));
    // PostgreSQL keeps a host name as one word: typed whole, it is matched whole.
    drafts(editor, word + ".example.org").body("items.slug", hasItem(both));
    // Quoted, the word is only itself.
    drafts(editor, "\"" + typed + "\"").body("items.slug", not(hasItem(both)));
    drafts(editor, "memory -" + word)
        .body("items.slug", not(hasItem(both)))
        .body("items.slug", hasItem(memoryOnly));
  }

  private static ValidatableResponse drafts(Users.User editor, String q) {
    return editor
        .request()
        .queryParam("status", "draft")
        .queryParam("q", q)
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }
}
