package io.pressroom.article;

import io.pressroom.account.Account;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.tag.Tag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.OptimisticLock;

/**
 * An article: its text, its links and where it stands in the publishing workflow. Counters of
 * reader feedback are kept by SQL increments elsewhere and are deliberately not mapped here, so
 * that saving an article can never overwrite them.
 *
 * <p>Its state changes only through the methods below, each of which also keeps the changes-feed
 * bookkeeping ({@code listed}, {@code announce_pending}) right: see {@link #settleFeed(Instant)}.
 */
@Entity
@Table(name = "articles")
public class Article extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String slug;
  String title;
  String summary;
  String body;

  @Column(name = "body_html")
  String bodyHtml;

  @Column(name = "reading_minutes")
  int readingMinutes;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "author_id")
  Account author;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "article_tags",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  @OrderColumn(name = "position")
  List<Tag> tags = new ArrayList<>();

  @Column(name = "reference_url")
  String referenceUrl;

  @Column(name = "source_url")
  String sourceUrl;

  @Column(name = "source_publisher")
  String sourcePublisher;

  @Column(name = "republication_notice")
  String republicationNotice;

  @Column(name = "cover_image_url")
  String coverImageUrl;

  @Convert(converter = ArticleStatusConverter.class)
  ArticleStatus status;

  @Column(name = "published_at")
  Instant publishedAt;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "deleted_at")
  Instant deletedAt;

  /** Whether the changes feed last told readers that the article is visible. */
  @OptimisticLock(excluded = true)
  boolean listed;

  /** Whether a scheduled publication still has to be announced once its instant has passed. */
  @Column(name = "announce_pending")
  @OptimisticLock(excluded = true)
  boolean announcePending;

  @Version Long version;

  protected Article() {}

  Article(String slug, Account author, ArticleContent content, List<Tag> tags, Instant now) {
    this.slug = slug;
    this.author = author;
    this.status = ArticleStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
    apply(content, tags);
  }

  void apply(ArticleContent content, List<Tag> newTags) {
    this.title = content.title();
    this.summary = content.summary();
    this.body = content.body();
    this.bodyHtml = content.html();
    this.readingMinutes = content.readingMinutes();
    this.referenceUrl = content.referenceUrl();
    this.sourceUrl = content.sourceUrl();
    this.sourcePublisher = content.sourcePublisher();
    this.republicationNotice = content.republicationNotice();
    this.coverImageUrl = content.coverImageUrl();
    this.tags.clear();
    this.tags.addAll(newTags);
  }

  /** Publishes at {@code at}: now, or later (scheduled). */
  void publish(Instant at, Instant now) {
    this.status = ArticleStatus.PUBLISHED;
    this.publishedAt = at;
    touch(now);
  }

  /** Back to draft. */
  void unpublish(Instant now) {
    this.status = ArticleStatus.DRAFT;
    this.publishedAt = null;
    touch(now);
  }

  /** Soft delete: it leaves every list, and its page answers 410. */
  void markDeleted(Instant now) {
    this.deletedAt = now;
    touch(now);
  }

  void touch(Instant at) {
    this.updatedAt = at;
  }

  boolean isDeleted() {
    return deletedAt != null;
  }

  /** Published (or scheduled) and not deleted: counted by its tags (the V6 migration). */
  boolean isLive() {
    return PublicArticles.isLive(status, deletedAt);
  }

  /** Readers may see it at {@code now}. */
  boolean isPublic(Instant now) {
    return PublicArticles.isPublic(status, publishedAt, deletedAt, now);
  }

  /**
   * Brings the changes-feed bookkeeping up to date after a write, and says what the feed must
   * record: an upsert when readers may see the article now, a delete when the feed had told them
   * they could and they no longer can, nothing otherwise (drafts, and scheduled articles, which the
   * first poll after their instant announces).
   */
  ArticleChanged.FeedOp settleFeed(Instant now) {
    boolean visible = PublicArticles.isPublic(status, publishedAt, deletedAt, now);
    ArticleChanged.FeedOp op =
        visible
            ? ArticleChanged.FeedOp.UPSERT
            : listed ? ArticleChanged.FeedOp.DELETE : ArticleChanged.FeedOp.NONE;
    listed = visible;
    announcePending = PublicArticles.isScheduled(status, publishedAt, deletedAt, now);
    return op;
  }

  /** The entity tag of the article page at this version. */
  String versionTag() {
    return versionTag(version);
  }

  static String versionTag(long version) {
    return "v" + version;
  }

  /** Its author (an author at least) and editors may change an article and see it unpublished. */
  static boolean editableBy(long authorId, CurrentUser.Caller caller) {
    return caller.is(Role.EDITOR) || (caller.is(Role.AUTHOR) && caller.accountId() == authorId);
  }
}
