package io.pressroom.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.pressroom.author.AuthorIdentity;
import io.pressroom.author.AuthorService;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The feeds of everything, of a tag and of an author: their newest public articles. */
@ApplicationScoped
public class FeedService {

  static final String SITE_NAME = "Pressroom";

  private final FeedQueries queries;
  private final KeptEntries kept;
  private final AuthorService authors;
  private final FeedLinks links;
  private final ObjectMapper mapper;

  FeedService(
      FeedQueries queries,
      KeptEntries kept,
      AuthorService authors,
      FeedLinks links,
      ObjectMapper mapper) {
    this.queries = queries;
    this.kept = kept;
    this.authors = authors;
    this.links = links;
    this.mapper = mapper;
  }

  /**
   * A feed written in its format, and the articles it shows (a cached copy goes when one of them
   * changes).
   */
  public record Rendered(byte[] body, String contentType, List<Long> articles) {}

  public Rendered everything(FeedFormat format, UriInfo uri) {
    List<KeptEntries.Kept> entries = kept.of(queries.entries(Optional.empty()));
    Instant updated = newest(entries).orElseGet(queries::firstActivity);
    return render(
        format,
        uri,
        SITE_NAME + " — all articles",
        "The newest articles published on " + SITE_NAME + ".",
        links.homePage(uri),
        "/feeds/articles." + format.extension(),
        updated,
        entries);
  }

  public Rendered tag(String slug, FeedFormat format, UriInfo uri) {
    FeedQueries.TagFeed found =
        queries
            .tagFeed(slug)
            .orElseThrow(() -> ProblemException.notFound("No tag has the slug '" + slug + "'."));
    FeedQueries.Subject tag = found.tag();
    List<KeptEntries.Kept> entries = kept.of(found.entries());
    return render(
        format,
        uri,
        SITE_NAME + " — " + tag.name(),
        "The newest " + SITE_NAME + " articles tagged " + tag.name() + ".",
        links.tagPage(uri, slug),
        "/feeds/tags/" + slug + "." + format.extension(),
        newest(entries).orElse(tag.createdAt()),
        entries);
  }

  public Rendered author(String handle, FeedFormat format, UriInfo uri) {
    AuthorIdentity author = authors.requireAuthor(handle);
    List<KeptEntries.Kept> entries = kept.of(queries.entries(Optional.of(author.handle())));
    return render(
        format,
        uri,
        SITE_NAME + " — " + author.name(),
        "The newest " + SITE_NAME + " articles by " + author.name() + ".",
        links.authorPage(uri, handle),
        "/feeds/authors/" + handle + "." + format.extension(),
        newest(entries).orElse(author.joinedAt()),
        entries);
  }

  private Rendered render(
      FeedFormat format,
      UriInfo uri,
      String title,
      String description,
      String homePageUrl,
      String selfPath,
      Instant updated,
      List<KeptEntries.Kept> entries) {
    List<Feed.Item> items = entries.stream().map(e -> item(e.entry(), uri)).toList();
    Feed feed = new Feed(title, description, homePageUrl, links.api(uri, selfPath), updated, items);
    // The same for every request (links name the configured origin, never the request's host),
    // so an entry's Atom bytes are kept with it.
    String tagScheme = links.api(uri, "/api/v1/tags/");
    byte[] body =
        switch (format) {
          case ATOM -> AtomWriter.write(feed, atomEntries(entries, items, tagScheme));
          case RSS -> xml(RssFeeds.toRss(feed, tagScheme));
          case JSON -> json(JsonFeed.of(feed));
        };
    return new Rendered(
        body, format.contentType(), entries.stream().map(e -> e.entry().id()).toList());
  }

  private static List<byte[]> atomEntries(
      List<KeptEntries.Kept> entries, List<Feed.Item> items, String tagScheme) {
    List<byte[]> written = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Feed.Item item = items.get(i);
      written.add(entries.get(i).atom(() -> AtomWriter.entry(item, tagScheme)));
    }
    return written;
  }

  private Feed.Item item(FeedQueries.Entry entry, UriInfo uri) {
    return new Feed.Item(
        links.articleId(uri, entry.slug()),
        links.articlePage(uri, entry.slug()),
        entry.title(),
        entry.summary(),
        entry.html(),
        entry.publishedAt(),
        updated(entry),
        new Feed.Author(entry.authorName(), links.authorPage(uri, entry.authorHandle())),
        entry.tags().stream().map(t -> new Feed.Category(t.slug(), t.name())).toList());
  }

  /**
   * When an entry last changed as a feed reader sees it: a scheduled article appears at its
   * publication time, which can be later than its last edit.
   */
  private static Instant updated(FeedQueries.Entry entry) {
    return entry.updatedAt().isAfter(entry.publishedAt()) ? entry.updatedAt() : entry.publishedAt();
  }

  private static Optional<Instant> newest(List<KeptEntries.Kept> entries) {
    return entries.stream().map(e -> updated(e.entry())).max(Comparator.naturalOrder());
  }

  private static byte[] xml(WireFeed feed) {
    try {
      return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", e);
    }
  }

  private byte[] json(JsonFeed feed) {
    try {
      return mapper.writeValueAsBytes(feed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the JSON feed", e);
    }
  }
}
