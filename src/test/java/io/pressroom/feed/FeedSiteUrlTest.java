package io.pressroom.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * With {@code pressroom.site-url} and {@code pressroom.public-base-url} set, the links meant for
 * people go to the web site while ids and self links stay API URLs on the public base URL.
 */
@QuarkusTest
@TestProfile(FeedSiteUrlTest.WithSiteUrl.class)
class FeedSiteUrlTest {

  public static class WithSiteUrl implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "pressroom.site-url", "https://news.example.com/",
          "pressroom.public-base-url", "https://api.example.com");
    }
  }

  @Inject Fixtures fixtures;

  @Test
  void nextPageLinksUseThePublicBaseUrl() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).create();
    fixtures.article(author).tags(tag).create();

    String link =
        given()
            .queryParam("tag", tag)
            .queryParam("limit", 1)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .header("Link");
    assertThat(link)
        .matches(
            "<https://api\\.example\\.com/api/v1/articles\\?tag="
                + tag
                + "&limit=1&cursor=[A-Za-z0-9_.-]+>; rel=\"next\"");
  }

  @Test
  void linksPeopleToTheWebSite() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    // Published now, so that it is the newest article of the everything feed too.
    String slug = fixtures.article(author).tags(tag).publishedAt(Instant.now()).create();

    SyndFeed atom =
        new SyndFeedInput()
            .build(
                new InputSource(
                    new ByteArrayInputStream(
                        given().get("/feeds/tags/" + tag + ".atom").asByteArray())));
    assertThat(atom.getUri()).isEqualTo("https://api.example.com/feeds/tags/" + tag + ".atom");
    assertThat(atom.getLinks())
        .anySatisfy(
            l -> {
              assertThat(l.getRel()).isEqualTo("alternate");
              assertThat(l.getHref()).isEqualTo("https://news.example.com/tags/" + tag);
            });
    SyndEntry entry = atom.getEntries().get(0);
    assertThat(entry.getUri()).isEqualTo("https://api.example.com/api/v1/articles/" + slug);
    assertThat(entry.getLink()).isEqualTo("https://news.example.com/articles/" + slug);
    assertThat(entry.getAuthors().get(0).getUri())
        .isEqualTo("https://news.example.com/authors/" + author.handle());

    SyndFeed rss =
        new SyndFeedInput()
            .build(
                new InputSource(
                    new ByteArrayInputStream(
                        given().get("/feeds/authors/" + author.handle() + ".rss").asByteArray())));
    assertThat(rss.getLink()).isEqualTo("https://news.example.com/authors/" + author.handle());
    assertThat(rss.getEntries().get(0).getLink())
        .isEqualTo("https://news.example.com/articles/" + slug);
    assertThat(rss.getEntries().get(0).getUri())
        .isEqualTo("https://api.example.com/api/v1/articles/" + slug);

    JsonNode json = new ObjectMapper().readTree(given().get("/feeds/articles.json").asByteArray());
    assertThat(json.get("home_page_url").asText()).isEqualTo("https://news.example.com/");
    assertThat(json.get("feed_url").asText())
        .isEqualTo("https://api.example.com/feeds/articles.json");
    JsonNode item = json.get("items").get(0);
    assertThat(item.get("url").asText()).isEqualTo("https://news.example.com/articles/" + slug);
    assertThat(item.get("id").asText())
        .isEqualTo("https://api.example.com/api/v1/articles/" + slug);
  }
}
