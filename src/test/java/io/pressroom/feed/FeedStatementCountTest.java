package io.pressroom.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A feed runs a small, fixed number of statements whatever its number of entries: one more when
 * some of its articles' entries are not kept yet.
 */
@QuarkusTest
class FeedStatementCountTest {

  @Inject Fixtures fixtures;
  @Inject SqlStatements statements;

  @Test
  void aTagFeedRunsOneStatementAndAnAuthorFeedTwoWhateverTheirLength() {
    Account prolific = fixtures.author();
    Account occasional = fixtures.author();
    String busyTag = fixtures.tag();
    String quietTag = fixtures.tag();
    for (int i = 0; i < 55; i++) {
      fixtures.article(prolific).tags(busyTag, fixtures.tag()).create();
    }
    fixtures.article(occasional).tags(quietTag).create();

    // The first feed to show these articles reads their bodies too, in one more statement; their
    // entries are then kept for every feed and format that shows them. (Each path once: the
    // response cache would answer it again.)
    assertThat(count("/feeds/tags/" + busyTag + ".atom")).isEqualTo(2);
    assertThat(count("/feeds/tags/" + busyTag + ".rss")).isEqualTo(1);
    assertThat(count("/feeds/tags/" + busyTag + ".json")).isEqualTo(1);
    assertThat(count("/feeds/tags/" + quietTag + ".json")).isEqualTo(2);
    assertThat(count("/feeds/tags/" + quietTag + ".atom")).isEqualTo(1);
    assertThat(count("/feeds/tags/" + quietTag + ".rss")).isEqualTo(1);
    for (String format : new String[] {"atom", "rss", "json"}) {
      assertThat(count("/feeds/authors/" + occasional.handle() + "." + format)).isEqualTo(2);
      assertThat(count("/feeds/authors/" + prolific.handle() + "." + format)).isEqualTo(2);
    }
  }

  @Test
  void theFeedOfEverythingRunsOneStatement() {
    Account author = fixtures.author();
    for (int i = 0; i < 3; i++) {
      fixtures.article(author).tags(fixtures.tag()).create();
    }
    // The bodies of the entries that other feeds have not shown yet, if any, in one more.
    assertThat(count("/feeds/articles.json")).isBetween(1L, 2L);
    assertThat(count("/feeds/articles.atom")).isEqualTo(1);
    assertThat(count("/feeds/articles.rss")).isEqualTo(1);
  }

  @Test
  void anUnknownTagOrAuthorStopsAfterOneStatement() {
    assertThat(count404("/feeds/tags/no-such-tag.atom")).isEqualTo(1);
    assertThat(count404("/feeds/authors/no-such-author.json")).isEqualTo(1);
    assertThat(count404("/feeds/articles.html")).isZero();
  }

  private long count(String path) {
    return statements.countDuring(() -> given().get(path).then().statusCode(200));
  }

  private long count404(String path) {
    return statements.countDuring(() -> given().get(path).then().statusCode(404));
  }
}
