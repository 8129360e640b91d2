package io.pressroom.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.pressroom.account.Account;
import io.pressroom.account.Role;
import io.pressroom.support.Fixtures;
import io.pressroom.support.PublicUrls;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

@QuarkusTest
class FeedApiTest {

  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject Fixtures fixtures;
  @Inject Users users;

  /** A tag with three public articles and one of each kind that must not show. */
  private record Scene(
      Account author, String tag, String otherTag, List<String> newestFirst, Instant newest) {}

  private Scene scene() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String otherTag = fixtures.tag();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String oldest =
        fixtures
            .article(author)
            .tags(tag)
            .summary("The oldest one.")
            .publishedAt(now.minusSeconds(300))
            .create();
    String middle =
        fixtures
            .article(author)
            .tags(tag, otherTag)
            .body("Before <script>alert('x')</script> after, **bold**.")
            .publishedAt(now.minusSeconds(200))
            .create();
    String newest =
        fixtures.article(author).tags(otherTag, tag).publishedAt(now.minusSeconds(100)).create();
    String draft = fixtures.article(author).tags(tag).publishedAt(now.minusSeconds(50)).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(author).tags(tag).publishedAt(now.minusSeconds(50)).create();
    fixtures.markDeleted(deleted);
    fixtures.article(author).tags(tag).publishedAt(now.plusSeconds(3600)).create();
    return new Scene(author, tag, otherTag, List.of(newest, middle, oldest), now.minusSeconds(100));
  }

  @Test
  void atomFeedOfATag() throws Exception {
    Scene scene = scene();
    Response response = feed("/feeds/tags/" + scene.tag() + ".atom", "application/atom+xml");

    Element root = xmlRoot(response.asByteArray());
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM_NS);
    assertThat(root.getLocalName()).isEqualTo("feed");

    SyndFeed feed = syndFeed(response.asByteArray());
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("Pressroom — " + scene.tag());
    assertThat(feed.getUri()).isEqualTo(absolute("/feeds/tags/" + scene.tag() + ".atom"));
    assertThat(link(feed, "alternate"))
        .isEqualTo(absolute("/api/v1/tags/" + scene.tag() + "/articles"));
    assertThat(feed.getLinks())
        .anySatisfy(
            link -> {
              assertThat(link.getRel()).isEqualTo("self");
              assertThat(link.getHref()).isEqualTo(feed.getUri());
            });
    assertThat(feed.getPublishedDate().toInstant()).isEqualTo(scene.newest());
    assertThat(slugs(feed)).isEqualTo(scene.newestFirst());

    SyndEntry first = feed.getEntries().get(0);
    String slug = scene.newestFirst().get(0);
    assertThat(first.getUri()).isEqualTo(absolute("/api/v1/articles/" + slug));
    assertThat(first.getLink()).isEqualTo(absolute("/api/v1/articles/" + slug));
    assertThat(first.getDescription().getValue()).isEqualTo("A short summary.");
    assertThat(first.getContents().get(0).getType()).isEqualTo("html");
    assertThat(first.getContents().get(0).getValue()).contains("<h2>Heading</h2>");
    assertThat(first.getPublishedDate().toInstant()).isEqualTo(scene.newest());
    assertThat(first.getUpdatedDate().toInstant()).isEqualTo(scene.newest());
    assertThat(first.getAuthors()).hasSize(1);
    assertThat(first.getAuthors().get(0).getName()).isEqualTo(nameOf(scene.author()));
    assertThat(first.getAuthors().get(0).getUri())
        .isEqualTo(absolute("/api/v1/authors/" + scene.author().handle()));
    assertThat(first.getCategories().stream().map(SyndCategory::getName))
        .containsExactly(scene.otherTag(), scene.tag());
    assertThat(first.getCategories().get(0).getTaxonomyUri()).isEqualTo(absolute("/api/v1/tags/"));

    String sanitised = feed.getEntries().get(1).getContents().get(0).getValue();
    assertThat(sanitised).contains("<strong>bold</strong>").doesNotContainIgnoringCase("<script");
    assertThat(response.asString()).doesNotContainIgnoringCase("<script");
  }

  @Test
  void rssFeedOfATag() throws Exception {
    Scene scene = scene();
    Response response = feed("/feeds/tags/" + scene.tag() + ".rss", "application/rss+xml");

    Element root = xmlRoot(response.asByteArray());
    assertThat(root.getTagName()).isEqualTo("rss");
    assertThat(root.getAttribute("version")).isEqualTo("2.0");

    SyndFeed feed = syndFeed(response.asByteArray());
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getTitle()).isEqualTo("Pressroom — " + scene.tag());
    assertThat(feed.getLink()).isEqualTo(absolute("/api/v1/tags/" + scene.tag() + "/articles"));
    assertThat(feed.getDescription()).contains(scene.tag());
    assertThat(feed.getPublishedDate().toInstant()).isEqualTo(scene.newest());
    Element self = (Element) root.getElementsByTagNameNS(ATOM_NS, "link").item(0);
    assertThat(self.getAttribute("rel")).isEqualTo("self");
    assertThat(self.getAttribute("type")).isEqualTo("application/rss+xml");
    assertThat(self.getAttribute("href"))
        .isEqualTo(absolute("/feeds/tags/" + scene.tag() + ".rss"));
    assertThat(slugs(feed)).isEqualTo(scene.newestFirst());

    SyndEntry first = feed.getEntries().get(0);
    String slug = scene.newestFirst().get(0);
    assertThat(first.getLink()).isEqualTo(absolute("/api/v1/articles/" + slug));
    assertThat(first.getUri()).isEqualTo(absolute("/api/v1/articles/" + slug));
    assertThat(first.getDescription().getValue()).isEqualTo("A short summary.");
    assertThat(first.getContents().get(0).getValue()).contains("<h2>Heading</h2>");
    assertThat(first.getPublishedDate().toInstant()).isEqualTo(scene.newest());
    assertThat(first.getAuthor()).isEqualTo(nameOf(scene.author()));
    assertThat(first.getCategories().stream().map(SyndCategory::getName))
        .containsExactly(scene.otherTag(), scene.tag());

    String sanitised = feed.getEntries().get(1).getContents().get(0).getValue();
    assertThat(sanitised).contains("<strong>bold</strong>").doesNotContainIgnoringCase("<script");
    assertThat(response.asString()).doesNotContainIgnoringCase("<script");
  }

  @Test
  void jsonFeedOfATag() throws Exception {
    Scene scene = scene();
    Response response = feed("/feeds/tags/" + scene.tag() + ".json", "application/feed+json");

    JsonNode feed = JSON.readTree(response.asByteArray());
    assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.get("title").asText()).isEqualTo("Pressroom — " + scene.tag());
    assertThat(feed.get("home_page_url").asText())
        .isEqualTo(absolute("/api/v1/tags/" + scene.tag() + "/articles"));
    assertThat(feed.get("feed_url").asText())
        .isEqualTo(absolute("/feeds/tags/" + scene.tag() + ".json"));
    List<String> urls = new ArrayList<>();
    feed.get("items").forEach(item -> urls.add(item.get("url").asText()));
    assertThat(urls)
        .isEqualTo(
            scene.newestFirst().stream().map(s -> absolute("/api/v1/articles/" + s)).toList());

    JsonNode first = feed.get("items").get(0);
    assertThat(first.get("id").asText()).isEqualTo(urls.get(0));
    assertThat(first.get("title").asText()).isNotBlank();
    assertThat(first.get("summary").asText()).isEqualTo("A short summary.");
    assertThat(first.get("content_html").asText()).contains("<h2>Heading</h2>");
    assertThat(first.get("date_published").asText()).isEqualTo(scene.newest().toString());
    assertThat(first.get("date_modified").asText()).isEqualTo(scene.newest().toString());
    assertThat(first.get("authors").get(0).get("name").asText()).isEqualTo(nameOf(scene.author()));
    assertThat(first.get("authors").get(0).get("url").asText())
        .isEqualTo(absolute("/api/v1/authors/" + scene.author().handle()));
    assertThat(StreamSupport.stream(first.get("tags").spliterator(), false).map(JsonNode::asText))
        .containsExactly(scene.otherTag(), scene.tag());

    String sanitised = feed.get("items").get(1).get("content_html").asText();
    assertThat(sanitised).contains("<strong>bold</strong>").doesNotContainIgnoringCase("<script");
  }

  @Test
  void authorFeedsInEveryFormat() throws Exception {
    Account author = fixtures.author();
    Account someoneElse = fixtures.author();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String older = fixtures.article(author).publishedAt(now.minusSeconds(60)).create();
    String newer = fixtures.article(author).publishedAt(now.minusSeconds(30)).create();
    fixtures.article(someoneElse).publishedAt(now.minusSeconds(10)).create();
    String base = "/feeds/authors/" + author.handle();
    String title = "Pressroom — " + nameOf(author);

    SyndFeed atom = syndFeed(feed(base + ".atom", "application/atom+xml").asByteArray());
    assertThat(atom.getTitle()).isEqualTo(title);
    assertThat(link(atom, "alternate")).isEqualTo(absolute("/api/v1/authors/" + author.handle()));
    assertThat(slugs(atom)).containsExactly(newer, older);

    SyndFeed rss = syndFeed(feed(base + ".rss", "application/rss+xml").asByteArray());
    assertThat(rss.getTitle()).isEqualTo(title);
    assertThat(slugs(rss)).containsExactly(newer, older);
    assertThat(rss.getEntries())
        .allSatisfy(e -> assertThat(e.getAuthor()).isEqualTo(nameOf(author)));

    JsonNode json = JSON.readTree(feed(base + ".json", "application/feed+json").asByteArray());
    assertThat(json.get("title").asText()).isEqualTo(title);
    assertThat(json.get("items")).hasSize(2);
    assertThat(json.get("items").get(0).get("url").asText())
        .isEqualTo(absolute("/api/v1/articles/" + newer));
  }

  @Test
  void everythingFeedsInEveryFormat() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    // Published just now, these are newer than anything other tests made before.
    String previous = fixtures.article(author).tags(tag).publishedAt(Instant.now()).create();
    String draft = fixtures.article(author).publishedAt(Instant.now()).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(author).publishedAt(Instant.now()).create();
    fixtures.markDeleted(deleted);
    String scheduled =
        fixtures.article(author).publishedAt(Instant.now().plusSeconds(600)).create();
    Instant latestAt = Instant.now();
    String latest = fixtures.article(author).tags(tag).publishedAt(latestAt).create();

    SyndFeed atom = syndFeed(feed("/feeds/articles.atom", "application/atom+xml").asByteArray());
    assertThat(atom.getTitle()).isEqualTo("Pressroom — all articles");
    assertThat(link(atom, "alternate")).isEqualTo(absolute("/api/v1/articles"));
    assertThat(atom.getEntries()).hasSizeLessThanOrEqualTo(50);
    assertThat(slugs(atom)).startsWith(latest, previous).doesNotContain(draft, deleted, scheduled);
    assertThat(atom.getPublishedDate().toInstant())
        .isEqualTo(latestAt.truncatedTo(ChronoUnit.SECONDS));

    SyndFeed rss = syndFeed(feed("/feeds/articles.rss", "application/rss+xml").asByteArray());
    assertThat(rss.getTitle()).isEqualTo("Pressroom — all articles");
    assertThat(slugs(rss)).startsWith(latest, previous).doesNotContain(draft, deleted, scheduled);

    JsonNode json =
        JSON.readTree(feed("/feeds/articles.json", "application/feed+json").asByteArray());
    assertThat(json.get("title").asText()).isEqualTo("Pressroom — all articles");
    assertThat(json.get("feed_url").asText()).isEqualTo(absolute("/feeds/articles.json"));
    assertThat(json.get("items").get(0).get("url").asText())
        .isEqualTo(absolute("/api/v1/articles/" + latest));
    assertThat(json.get("items").size()).isLessThanOrEqualTo(50);
  }

  @Test
  void holdsTheNewestFiftyArticles() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1000);
    List<String> oldestFirst = new ArrayList<>();
    for (int i = 0; i < 52; i++) {
      oldestFirst.add(
          fixtures.article(author).tags(tag).publishedAt(start.plusSeconds(i)).create());
    }
    List<String> newestFifty = new ArrayList<>(oldestFirst.subList(2, 52));
    java.util.Collections.reverse(newestFifty);

    for (String format : List.of("atom", "rss")) {
      SyndFeed feed = syndFeed(given().get("/feeds/tags/" + tag + "." + format).asByteArray());
      assertThat(slugs(feed)).as(format).isEqualTo(newestFifty);
    }
    JsonNode json = JSON.readTree(given().get("/feeds/tags/" + tag + ".json").asByteArray());
    assertThat(json.get("items")).hasSize(50);
    assertThat(json.get("items").get(49).get("url").asText())
        .isEqualTo(absolute("/api/v1/articles/" + newestFifty.get(49)));
  }

  @Test
  void unknownTagAuthorOrFormatIsANotFoundProblem() {
    String tag = fixtures.tag();
    Account reader = fixtures.account(Role.READER);
    for (String path :
        List.of(
            "/feeds/tags/no-such-tag.atom",
            "/feeds/tags/no-such-tag.json",
            "/feeds/authors/no-such-author.rss",
            "/feeds/authors/" + reader.handle() + ".atom",
            "/feeds/articles.xml",
            "/feeds/tags/" + tag + ".html",
            "/feeds/tags/" + tag,
            "/feeds/everything.atom")) {
      given()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/not-found"))
          .body("status", equalTo(404))
          .body("instance", equalTo(path));
    }
    given()
        .get("/feeds/tags/no-such-tag.rss")
        .then()
        .body("detail", equalTo("No tag has the slug 'no-such-tag'."));
    given()
        .get("/feeds/authors/no-such-author.json")
        .then()
        .body("detail", equalTo("No author has the handle 'no-such-author'."));
    given()
        .get("/feeds/tags/" + tag + ".xml")
        .then()
        .body(
            "detail", equalTo("There is no feed format 'xml'; feeds end in .atom, .rss or .json."));
  }

  @Test
  void answersConditionalRequestsByEntityTag() {
    Scene scene = scene();
    for (String format : List.of("atom", "rss", "json")) {
      String path = "/feeds/tags/" + scene.tag() + "." + format;
      Response first =
          given()
              .get(path)
              .then()
              .statusCode(200)
              .header("ETag", notNullValue())
              .header("Last-Modified", nullValue())
              .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
              .header("Vary", "Authorization, Accept-Encoding, Origin")
              .extract()
              .response();
      String etag = first.header("ETag");

      given()
          .header("If-None-Match", etag)
          .get(path)
          .then()
          .statusCode(304)
          .header("ETag", etag)
          .body(equalTo(""));
      given()
          .header("If-None-Match", "\"something-else\"")
          .get(path)
          .then()
          .statusCode(200)
          .header("ETag", etag);
      // Without a Last-Modified there is no date to be as new as: the feed itself, always.
      given()
          .header("If-Modified-Since", httpDate(Instant.now()))
          .get(path)
          .then()
          .statusCode(200)
          .header("ETag", etag);
    }

    // A new article changes the validators.
    String before = given().get("/feeds/tags/" + scene.tag() + ".atom").header("ETag");
    fixtures.article(scene.author()).tags(scene.tag()).publishedAt(Instant.now()).create();
    given()
        .header("If-None-Match", before)
        .get("/feeds/tags/" + scene.tag() + ".atom")
        .then()
        .statusCode(200);
  }

  /**
   * A feed reader that sends only If-Modified-Since, with the date its last copy came with, must
   * get the feed again once an article has left it: the feed then dated itself by its newest entry,
   * and taking the newest away moved that date back, so the reader got a 304 and kept showing an
   * article that had been deleted.
   */
  @Test
  void aReaderAskingByDateGetsTheFeedAfterAnArticleLeavesIt() throws Exception {
    Scene scene = scene();
    String path = "/feeds/tags/" + scene.tag() + ".atom";
    Response first = given().get(path).then().statusCode(200).extract().response();
    String newest = scene.newestFirst().get(0);
    assertThat(first.asString()).contains(newest);
    String since =
        first.header("Last-Modified") != null
            ? first.header("Last-Modified")
            : httpDate(Instant.now());
    fixtures.markDeleted(newest);

    Response again = given().header("If-Modified-Since", since).get(path);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.asString()).doesNotContain(newest).contains(scene.newestFirst().get(1));
  }

  @Test
  void anEmptyFeedIsDatedByItsTagAndKeepsItsEntityTag() throws Exception {
    String tag = fixtures.tag();
    Response first = feed("/feeds/tags/" + tag + ".atom", "application/atom+xml");
    SyndFeed feed = syndFeed(first.asByteArray());
    assertThat(feed.getEntries()).isEmpty();
    Instant updated = feed.getPublishedDate().toInstant();
    assertThat(updated).isBetween(Instant.now().minusSeconds(600), Instant.now());
    Response second = given().get("/feeds/tags/" + tag + ".atom");
    assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
  }

  @Test
  void theExtensionChoosesTheFormatWhateverTheAcceptHeader() {
    String tag = fixtures.tag();
    given()
        .accept("application/json")
        .get("/feeds/tags/" + tag + ".atom")
        .then()
        .statusCode(200)
        .header("Content-Type", "application/atom+xml;charset=UTF-8");
    given()
        .accept("application/rss+xml, application/xml;q=0.5")
        .get("/feeds/tags/" + tag + ".json")
        .then()
        .statusCode(200)
        .header("Content-Type", "application/feed+json;charset=UTF-8");
  }

  @Test
  void compressesForClientsThatAcceptGzip() {
    String tag = fixtures.tag();
    fixtures.article(fixtures.author()).tags(tag).create();
    for (String format : List.of("atom", "rss", "json")) {
      given()
          .header("Accept-Encoding", "gzip")
          .get("/feeds/tags/" + tag + "." + format)
          .then()
          .statusCode(200)
          .header("Content-Encoding", "gzip");
    }
  }

  /**
   * A feed's entries come from the kept summaries: a new byline and a renamed tag show in the next
   * answer of the author's and of the tag's feed, as they do in listings.
   */
  @Test
  void anAuthorsNewNameAndARenamedTagShowInTheFeeds() throws Exception {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String tag = publishedWithNewTag(author, "Bylined", "Some text.").tag();
    String authorFeed = "/feeds/authors/" + author.handle() + ".atom";
    String tagFeed = "/feeds/tags/" + tag + ".atom";
    // Both feeds answered (and kept by the response cache) before the changes.
    feed(authorFeed, "application/atom+xml");
    feed(tagFeed, "application/atom+xml");

    author.json().body(Map.of("name", "New Byline")).patch("/api/v1/me").then().statusCode(200);
    String renamed = "Renamed " + Fixtures.unique("t");
    editor.json().body(Map.of("name", renamed)).patch("/api/v1/tags/" + tag).then().statusCode(200);

    for (String path : List.of(authorFeed, tagFeed)) {
      SyndEntry entry =
          syndFeed(feed(path, "application/atom+xml").asByteArray()).getEntries().get(0);
      assertThat(entry.getAuthor()).isEqualTo("New Byline");
      assertThat(entry.getCategories()).extracting(SyndCategory::getLabel).containsExactly(renamed);
    }
  }

  @Test
  void anEditedBodyShowsInTheFeedsOfEveryFormat() {
    Users.User author = users.author();
    String before = Fixtures.unique("before");
    String after = Fixtures.unique("after");
    Tagged article = publishedWithNewTag(author, "Edited", "The first " + before + ".");
    String slug = article.slug();
    String tag = article.tag();
    List<String> feeds =
        List.of(
            "/feeds/tags/" + tag + ".atom",
            "/feeds/tags/" + tag + ".rss",
            "/feeds/tags/" + tag + ".json",
            "/feeds/authors/" + author.handle() + ".atom");
    // Every feed answered (its entry written, and the answer kept) before the edit.
    for (String path : feeds) {
      assertThat(given().get(path).then().statusCode(200).extract().asString()).contains(before);
    }

    author
        .json()
        .body(Map.of("body", "The second " + after + "."))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);

    for (String path : feeds) {
      String body = given().get(path).then().statusCode(200).extract().asString();
      assertThat(body).as(path).contains(after).doesNotContain(before);
    }
  }

  @Test
  void dropsCharactersThatXmlCannotCarry() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures
        .article(author)
        .title("Bell \u0007 and escape \u001b " + Fixtures.unique("t"))
        .summary("Nul-like \u0001 summary")
        .tags(tag)
        .create();
    for (String format : List.of("atom", "rss")) {
      byte[] body =
          given()
              .get("/feeds/tags/" + tag + "." + format)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      SyndFeed feed = syndFeed(body);
      assertThat(feed.getEntries().get(0).getTitle()).startsWith("Bell  and escape  ");
      assertThat(feed.getEntries().get(0).getDescription().getValue())
          .isEqualTo("Nul-like  summary");
    }
  }

  /** An article published through the API, and the slug of the one new tag it has. */
  private record Tagged(String slug, String tag) {}

  private Tagged publishedWithNewTag(Users.User author, String title, String body) {
    String slug =
        users.published(
            author,
            Map.of(
                "title",
                title + " " + Fixtures.unique("a"),
                "summary",
                "A summary.",
                "body",
                body,
                "tags",
                List.of("Feed " + Fixtures.unique("t"))));
    String tag = given().get("/api/v1/articles/" + slug).then().extract().path("tags[0].slug");
    return new Tagged(slug, tag);
  }

  private static Response feed(String path, String mediaType) {
    return given()
        .get(path)
        .then()
        .statusCode(200)
        .header("Content-Type", mediaType + ";charset=UTF-8")
        .header("ETag", notNullValue())
        .header("Last-Modified", nullValue())
        .extract()
        .response();
  }

  /** An HTTP date (RFC 9110, 5.6.7), as a client sends it in If-Modified-Since. */
  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static SyndFeed syndFeed(byte[] body) throws Exception {
    return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
  }

  private static Element xmlRoot(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
  }

  /** The href of the feed's Atom link with this rel (Rome's getLink() prefers the self link). */
  private static String link(SyndFeed feed, String rel) {
    return feed.getLinks().stream()
        .filter(l -> rel.equals(l.getRel()))
        .map(l -> l.getHref())
        .findFirst()
        .orElseThrow();
  }

  /** The slugs of a feed's entries, in order, from their API URLs. */
  private static List<String> slugs(SyndFeed feed) {
    return feed.getEntries().stream()
        .map(e -> e.getUri().substring(e.getUri().lastIndexOf('/') + 1))
        .toList();
  }

  /** The name Fixtures gives an account. */
  private static String nameOf(Account account) {
    return "Name of " + account.handle();
  }

  private static String absolute(String path) {
    return PublicUrls.BASE + path;
  }
}
