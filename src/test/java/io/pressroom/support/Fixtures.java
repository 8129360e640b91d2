package io.pressroom.support;

import io.pressroom.account.Account;
import io.pressroom.account.AccountService;
import io.pressroom.account.NewProfile;
import io.pressroom.account.Role;
import io.pressroom.article.ArticleAuthoring;
import io.pressroom.article.ArticleRequest;
import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.tag.TagService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Small builders of test data. Every name carries a fresh suffix so that tests never see each
 * other's data, whatever order they run in.
 */
@ApplicationScoped
public class Fixtures {

  private final AccountService accounts;
  private final TagService tags;
  private final ArticleAuthoring authoring;
  private final EntityManager entityManager;
  private final Event<PublicContentChanged> changed;

  Fixtures(
      AccountService accounts,
      TagService tags,
      ArticleAuthoring authoring,
      EntityManager entityManager,
      Event<PublicContentChanged> changed) {
    this.changed = changed;
    this.accounts = accounts;
    this.tags = tags;
    this.authoring = authoring;
    this.entityManager = entityManager;
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public Account author() {
    return account(Role.AUTHOR);
  }

  public Account account(Role role) {
    String handle = unique(role.value());
    return accounts.create(
        new NewProfile(
            handle,
            handle + "@example.com",
            "Name of " + handle,
            role,
            "Bio of " + handle,
            "https://images.example.net/" + handle + ".png",
            "https://" + handle + ".example.com"));
  }

  /**
   * A tag with a unique name, as an editor makes one: public before any article has it (a tag only
   * drafts have is not: {@code TagVisibility}). Returns its slug.
   */
  public String tag() {
    String name = unique("topic");
    tags.describe(name, null);
    return tags.findOrCreate(List.of(name)).get(0).slug();
  }

  public ArticleBuilder article(Account author) {
    return new ArticleBuilder(author);
  }

  public void markDeleted(String slug) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update articles set deleted_at = now() where slug = :slug")
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  /** Undoes {@link #markDeleted}, as an operator's SQL would. */
  public void markRestored(String slug) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update articles set deleted_at = null where slug = :slug")
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  public void markDraft(String slug) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update articles set status = 'draft', published_at = null where slug ="
                            + " :slug")
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  /** Sets when the article was last updated, as an edit at that instant would. */
  public void setUpdatedAt(String slug, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update articles set updated_at = :at where slug = :slug")
                    .setParameter("at", at)
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  /**
   * Moves the article's publication to {@code at} by a plain SQL write, as another instance or an
   * operator would: no changes feed row, so the search index does not hear of it.
   */
  public void setPublishedAt(String slug, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update articles set published_at = :at where slug = :slug")
                    .setParameter("at", at)
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  /** The id of the article with this slug. */
  public long articleId(String slug) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("select id from articles where slug = :slug")
                            .setParameter("slug", slug)
                            .getSingleResult())
                    .longValue());
  }

  public void setCounters(String slug, int likes, int comments, int ratingCount, int ratingSum) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update article_counters set like_count = :likes, comment_count ="
                            + " :comments, rating_count = :count, rating_sum = :sum where"
                            + " article_id = (select id from articles where slug = :slug)")
                    .setParameter("likes", likes)
                    .setParameter("comments", comments)
                    .setParameter("count", ratingCount)
                    .setParameter("sum", ratingSum)
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  /**
   * Makes a tag's kept count of public articles say {@code count}: for statements that choose their
   * way by it, without writing that many articles.
   */
  public void setTagPublicCount(String slug, int count) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update tags set public_count = :count where slug = :slug")
                    .setParameter("count", count)
                    .setParameter("slug", slug)
                    .executeUpdate());
    announce();
  }

  /** Direct SQL bypasses the services, so say that public content changed, as they would. */
  private void announce() {
    QuarkusTransaction.requiringNew().run(() -> changed.fire(new PublicContentChanged("fixture")));
  }

  /** Builds one article; published an hour ago unless told otherwise. */
  public final class ArticleBuilder {
    private final Account author;
    private String title = unique("Article");
    private String summary = "A short summary.";
    private String body = "## Heading\n\nSome *body* text.";
    private List<String> tagNames = List.of();
    private Instant publishedAt = Instant.now().minusSeconds(3600);
    private String sourceUrl = "https://news.example.com/original";

    private ArticleBuilder(Account author) {
      this.author = author;
    }

    public ArticleBuilder title(String value) {
      title = value;
      return this;
    }

    public ArticleBuilder summary(String value) {
      summary = value;
      return this;
    }

    public ArticleBuilder body(String value) {
      body = value;
      return this;
    }

    public ArticleBuilder tags(String... names) {
      tagNames = List.of(names);
      return this;
    }

    public ArticleBuilder publishedAt(Instant value) {
      publishedAt = value;
      return this;
    }

    public ArticleBuilder noSource() {
      sourceUrl = null;
      return this;
    }

    /** Creates the article and returns its slug. */
    public String create() {
      return authoring.createPublished(
          author,
          new ArticleRequest(
              title,
              summary,
              body,
              tagNames,
              "https://reference.example.org/" + title,
              sourceUrl,
              sourceUrl == null ? null : "Example News",
              "Distilled and republished from Example News.",
              null),
          publishedAt);
    }
  }
}
