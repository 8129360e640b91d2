package io.pressroom.article;

import io.pressroom.account.Account;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.db.Timestamps;
import io.pressroom.tag.Tag;
import io.pressroom.tag.TagService;
import io.pressroom.text.MarkdownRenderer;
import io.pressroom.text.Slugs;
import io.pressroom.web.EntityTags;
import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.pressroom.web.QueryParams;
import io.pressroom.web.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The write side of articles: drafts, partial updates, publishing, scheduling and deletion. Each
 * write is one transaction that changes the {@link Article} through its methods, settles what the
 * changes feed records ({@link Article#settleFeed}) and fires {@link ArticleChanged}. Kept apart
 * from {@link ArticleService} (the read side) because the demo loader and the test fixtures write
 * articles through it, without a request.
 */
@ApplicationScoped
public class ArticleAuthoring {

  static final int MAX_SLUG_LENGTH = 100;

  private final TagService tags;
  private final MarkdownRenderer markdown;
  private final Validation validation;
  private final ArticleQueries queries;
  private final Event<ArticleChanged> changes;

  ArticleAuthoring(
      TagService tags,
      MarkdownRenderer markdown,
      Validation validation,
      ArticleQueries queries,
      Event<ArticleChanged> changes) {
    this.tags = tags;
    this.markdown = markdown;
    this.validation = validation;
    this.queries = queries;
    this.changes = changes;
  }

  /** Writes a new draft by the caller; returns its slug. */
  @Transactional
  public String create(CurrentUser.Caller caller, ArticleRequest request) {
    Account author = queries.authorReference(caller.accountId());
    Instant now = now();
    Article article =
        new Article(
            uniqueSlug(request.title()),
            author,
            content(request),
            tags.findOrCreate(request.tagsOrEmpty()),
            now);
    ArticleChanged.FeedOp feed = article.settleFeed(now);
    queries.insert(article);
    changes.fire(ArticleChanged.of(article, ArticleChanged.Kind.CREATED, null, false, feed, false));
    return article.slug;
  }

  /**
   * Applies a partial update. With {@code ifMatch}, the update happens only if the article is still
   * at the version the client saw; otherwise 412.
   */
  @Transactional
  public void update(
      CurrentUser.Caller caller, String slug, ArticlePatch patch, Optional<String> ifMatch) {
    Article article = lockForEdit(caller, slug);
    checkLinkChanges(caller, article, patch);
    checkPrecondition(article, ifMatch);
    ArticleRequest merged =
        validation.check(
            patch.applyTo(
                new ArticleRequest(
                    article.title,
                    article.summary,
                    article.body,
                    article.tags.stream().map(t -> t.name()).toList(),
                    article.referenceUrl,
                    article.sourceUrl,
                    article.sourcePublisher,
                    article.republicationNotice,
                    article.coverImageUrl)));
    List<Tag> newTags = tags.findOrCreate(merged.tagsOrEmpty());
    if (article.isLive() && !newTags.equals(article.tags)) {
      List<Tag> moved = new ArrayList<>(article.tags);
      moved.addAll(newTags);
      tags.lockCountsInOrder(moved);
    }
    Instant now = now();
    boolean wasPublic = article.isPublic(now);
    article.apply(content(merged), newTags);
    article.touch(now);
    ArticleChanged.FeedOp feed = article.settleFeed(now);
    changes.fire(
        ArticleChanged.of(
            article, ArticleChanged.Kind.UPDATED, null, article.isLive(), feed, wasPublic, now));
  }

  /** Publishes now, or schedules for {@code at}; an editor's decision. */
  @Transactional
  public void publish(CurrentUser.Caller caller, String slug, Optional<Instant> at) {
    requireEditor(caller);
    if (at.isPresent() && !QueryParams.inRange(at.get())) {
      throw ProblemException.invalidField("at", QueryParams.RANGE_MESSAGE);
    }
    Article article = lockLive(slug);
    Instant now = now();
    Instant when = at.map(Timestamps::stored).orElse(now);
    boolean wasPublic = article.isPublic(now);
    if (at.isEmpty() && wasPublic) {
      return;
    }
    article.publish(when, now);
    ArticleChanged.FeedOp feed = article.settleFeed(now);
    changes.fire(
        ArticleChanged.of(
            article, ArticleChanged.Kind.PUBLISHED, when, true, feed, wasPublic, now));
  }

  /** Takes an article back to draft; an editor's decision. */
  @Transactional
  public void unpublish(CurrentUser.Caller caller, String slug) {
    requireEditor(caller);
    Article article = lockLive(slug);
    if (article.status == ArticleStatus.DRAFT) {
      return;
    }
    Instant now = now();
    boolean wasPublic = article.isPublic(now);
    article.unpublish(now);
    ArticleChanged.FeedOp feed = article.settleFeed(now);
    changes.fire(
        ArticleChanged.of(
            article, ArticleChanged.Kind.UNPUBLISHED, null, true, feed, wasPublic, now));
  }

  /** Soft delete: the article leaves every list and its page answers 410. */
  @Transactional
  public void delete(CurrentUser.Caller caller, String slug) {
    Article article = lockForEdit(caller, slug);
    boolean shown = article.isLive();
    Instant now = now();
    boolean wasPublic = article.isPublic(now);
    article.markDeleted(now);
    ArticleChanged.FeedOp feed = article.settleFeed(now);
    changes.fire(
        ArticleChanged.of(article, ArticleChanged.Kind.DELETED, null, shown, feed, wasPublic, now));
  }

  /** Writes an article that is published at {@code publishedAt}, as imported content is. */
  @Transactional
  public String createPublished(Account author, ArticleRequest draft, Instant publishedAt) {
    Instant at = Timestamps.stored(publishedAt);
    List<Tag> articleTags = tags.findOrCreate(draft.tagsOrEmpty());
    tags.lockCountsInOrder(articleTags);
    Article article =
        new Article(uniqueSlug(draft.title()), author, content(draft), articleTags, at);
    article.publish(at, at);
    ArticleChanged.FeedOp feed = article.settleFeed(now());
    queries.insert(article);
    changes.fire(
        ArticleChanged.of(
            article, ArticleChanged.Kind.PUBLISHED, article.publishedAt, true, feed, false));
    return article.slug;
  }

  /**
   * The article, locked for a change by {@code caller}: 404 as for a read when the caller may not
   * see it (another author's draft or scheduled article: a 403 would confirm that a guessed slug,
   * made from a headline, is an unpublished article), 403 when they may see it but not change it.
   */
  private Article lockForEdit(CurrentUser.Caller caller, String slug) {
    Instant now = now();
    Article article =
        lockLive(
            slug, found -> Article.editableBy(found.author.id(), caller) || found.isPublic(now));
    if (!Article.editableBy(article.author.id(), caller)) {
      throw ProblemException.forbidden("Only its author or an editor may change this article.");
    }
    return article;
  }

  /** The article, locked for an editor's change; 404 when there is none, 410 once deleted. */
  private Article lockLive(String slug) {
    return lockLive(slug, article -> true);
  }

  /** The article, locked; 404 when there is none or the caller may not see it, 410 once deleted. */
  private Article lockLive(String slug, Predicate<Article> visible) {
    return ArticleGateway.require(
        queries.lockBySlug(slug),
        ArticleGateway.notFoundMessage(slug),
        Article::isDeleted,
        visible,
        article -> slug);
  }

  private static void requireEditor(CurrentUser.Caller caller) {
    if (!caller.is(Role.EDITOR)) {
      throw ProblemException.forbidden("Only editors publish and unpublish articles.");
    }
  }

  /**
   * The addresses a live article sends readers to: its source (the protected redirect), its
   * reference link and its cover image, which every reader's browser loads. On a published or
   * scheduled article, changing one changes where the publication sends its readers: an editor's
   * decision, like publishing. Drafts stay their author's to edit; repeating a value is no change.
   */
  private static void checkLinkChanges(
      CurrentUser.Caller caller, Article article, ArticlePatch patch) {
    if (!article.isLive() || caller.is(Role.EDITOR)) {
      return;
    }
    Map<String, String> stored = new HashMap<>();
    stored.put("sourceUrl", article.sourceUrl);
    stored.put("referenceUrl", article.referenceUrl);
    stored.put("coverImageUrl", article.coverImageUrl);
    for (Map.Entry<String, ArticlePatch.Field<String>> link : patch.links().entrySet()) {
      String field = link.getKey();
      ArticlePatch.Field<String> change = link.getValue();
      if (change.present() && !Objects.equals(blankToNull(change.value()), stored.get(field))) {
        throw new ProblemException(
            ProblemType.FORBIDDEN,
            "Only an editor may change the source URL, reference URL or cover image of a published"
                + " or scheduled article; ask an editor to change it.",
            List.of(new Problem.FieldError(field, "only an editor may change it once published")));
      }
    }
  }

  private static void checkPrecondition(Article article, Optional<String> ifMatch) {
    if (ifMatch.isPresent() && !EntityTags.matchesVersion(ifMatch.get(), article.versionTag())) {
      throw new ProblemException(
          ProblemType.PRECONDITION_FAILED,
          "The article changed since you fetched it (If-Match does not match); fetch it again.");
    }
  }

  private ArticleContent content(ArticleRequest request) {
    return new ArticleContent(
        request.title().trim(),
        request.summary().trim(),
        request.body(),
        markdown.toSafeHtml(request.body()),
        MarkdownRenderer.readingMinutes(request.body()),
        blankToNull(request.referenceUrl()),
        blankToNull(request.sourceUrl()),
        blankToNull(request.sourcePublisher()),
        blankToNull(request.republicationNotice()),
        blankToNull(request.coverImageUrl()));
  }

  /** A slug from the title, made unique; concurrent writers of one title take turns. */
  private String uniqueSlug(String title) {
    String base = Slugs.slugify(title, MAX_SLUG_LENGTH - 8);
    if (base.isEmpty()) {
      base = "article";
    }
    queries.lockSlugBase(base);
    String slug = base;
    for (int n = 2; queries.slugTaken(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  private static Instant now() {
    return Timestamps.now();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
