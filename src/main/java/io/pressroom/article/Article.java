package io.pressroom.article;

import io.pressroom.account.Account;
import io.pressroom.tag.Tag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

/**
 * An article: its text, its links and where it stands in the publishing workflow. Counters of
 * reader feedback are kept by SQL increments elsewhere and are deliberately not mapped here, so
 * that saving an article can never overwrite them.
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

  String status;

  @Column(name = "published_at")
  Instant publishedAt;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "deleted_at")
  Instant deletedAt;

  @Version Long version;

  protected Article() {}

  Article(String slug, Account author, ArticleContent content, List<Tag> tags) {
    this.slug = slug;
    this.author = author;
    this.status = ArticleStatus.DRAFT.value();
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
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

  void publish(Instant at) {
    this.status = ArticleStatus.PUBLISHED.value();
    this.publishedAt = at;
  }

  void touch(Instant at) {
    this.updatedAt = at;
  }

  /** Published (or scheduled) and not deleted: counted by its tags (the V6 migration). */
  boolean isLive() {
    return ArticleStatus.PUBLISHED.value().equals(status) && deletedAt == null;
  }
}
