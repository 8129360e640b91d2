package io.pressroom.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), whose names are snake_case. */
@Schema(name = "JsonFeed", description = "JSON Feed 1.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonFeed(
    @Schema(required = true, example = VERSION) String version,
    @Schema(required = true, example = "Pressroom — Rust") String title,
    @Schema(required = true, example = "https://pressroom.example.com/api/v1/tags/rust/articles")
        @JsonProperty("home_page_url")
        String homePageUrl,
    @Schema(required = true, example = "https://pressroom.example.com/feeds/tags/rust.json")
        @JsonProperty("feed_url")
        String feedUrl,
    @Schema(required = true, example = "The newest Pressroom articles tagged Rust.")
        String description,
    @Schema(required = true) List<JsonFeedItem> items) {

  public static final String VERSION = "https://jsonfeed.org/version/1.1";

  static JsonFeed of(Feed feed) {
    return new JsonFeed(
        VERSION,
        feed.title(),
        feed.homePageUrl(),
        feed.selfUrl(),
        feed.description(),
        feed.items().stream().map(JsonFeed::item).toList());
  }

  private static JsonFeedItem item(Feed.Item item) {
    return new JsonFeedItem(
        item.id(),
        item.url(),
        item.title(),
        item.summary(),
        item.html(),
        item.published(),
        item.updated(),
        List.of(new JsonFeedAuthor(item.author().name(), item.author().url())),
        item.categories().stream().map(Feed.Category::label).toList());
  }

  /** One article. */
  @Schema(name = "JsonFeedItem")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JsonFeedItem(
      @Schema(
              required = true,
              example = "https://pressroom.example.com/api/v1/articles/rust-in-the-kernel")
          String id,
      @Schema(
              required = true,
              example = "https://pressroom.example.com/api/v1/articles/rust-in-the-kernel")
          String url,
      @Schema(required = true) String title,
      @Schema(required = true) String summary,
      @Schema(required = true, description = "The sanitised HTML body")
          @JsonProperty("content_html")
          String contentHtml,
      @Schema(required = true, example = "2026-11-24T09:30:00Z") @JsonProperty("date_published")
          Instant datePublished,
      @Schema(required = true, example = "2026-11-24T10:02:11Z") @JsonProperty("date_modified")
          Instant dateModified,
      @Schema(required = true) List<JsonFeedAuthor> authors,
      @Schema(required = true, description = "Names of the article's tags") List<String> tags) {}

  @Schema(name = "JsonFeedAuthor")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JsonFeedAuthor(
      @Schema(required = true, example = "The Kernel Desk") String name,
      @Schema(required = true, example = "https://pressroom.example.com/api/v1/authors/kernel-desk")
          String url) {}
}
