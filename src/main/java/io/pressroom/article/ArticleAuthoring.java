package io.pressroom.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.account.Account;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.tag.Tag;
import io.pressroom.tag.TagService;
import io.pressroom.web.EntityTags;
import io.pressroom.web.MarkdownRenderer;
import io.pressroom.web.MergePatch;
import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.pressroom.web.QueryParams;
import io.pressroom.web.Slugs;
import io.pressroom.web.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Writing articles: drafts, partial updates, publishing, scheduling and deletion. */
@ApplicationScoped
public class ArticleAuthoring {

  static final int MAX_SLUG_LENGTH = 100;
  static final Set<String> EDITABLE_FIELDS =
      Set.of(
          "title",
          "summary",
          "body",
          "tags",
          "referenceUrl",
          "sourceUrl",
          "sourcePublisher",
          "republicationNotice",
          "coverImageUrl");

  private final TagService tags;
  private final MarkdownRenderer markdown;
  private final Validation validation;
  private final EntityManager entityManager;
  private final Event<ArticleChanged> changes;

  ArticleAuthoring(
      TagService tags,
      MarkdownRenderer markdown,
      Validation validation,
      EntityManager entityManager,
      Event<ArticleChanged> changes) {
    this.tags = tags;
    this.markdown = markdown;
    this.validation = validation;
    this.entityManager = entityManager;
    this.changes = changes;
  }

  /** Writes a new draft by the caller; returns its slug. */
  @Transactional
  public String create(CurrentUser.Caller caller, ArticleRequest request) {
    Account author = entityManager.getReference(Account.class, caller.accountId());
    Article article =
        new Article(
            uniqueSlug(request.title()),
            author,
            content(request),
            tags.findOrCreate(request.tagsOrEmpty()));
    article.persist();
    entityManager.flush();
    changes.fire(ArticleChanged.of(article.id, article.slug, ArticleChanged.Kind.CREATED, false));
    return article.slug;
  }

  /**
   * Applies a partial update. With {@code ifMatch}, the update happens only if the article is still
   * at the version the client saw; otherwise 412.
   */
  @Transactional
  public void update(
      CurrentUser.Caller caller, String slug, JsonNode body, Optional<String> ifMatch) {
    MergePatch patch = MergePatch.of(body, EDITABLE_FIELDS);
    Article article = lockForEdit(caller, slug);
    checkLinkChanges(caller, article, patch);
    checkPrecondition(article, ifMatch);
    ArticleRequest merged =
        validation.check(
            new ArticleRequest(
                patch.text("title", article.title),
                patch.text("summary", article.summary),
                patch.text("body", article.body),
                patch.texts("tags", article.tags.stream().map(t -> t.name()).toList()),
                patch.text("referenceUrl", article.referenceUrl),
                patch.text("sourceUrl", article.sourceUrl),
                patch.text("sourcePublisher", article.sourcePublisher),
                patch.text("republicationNotice", article.republicationNotice),
                patch.text("coverImageUrl", article.coverImageUrl)));
    List<Tag> newTags = tags.findOrCreate(merged.tagsOrEmpty());
    if (article.isLive() && !newTags.equals(article.tags)) {
      List<Tag> moved = new ArrayList<>(article.tags);
      moved.addAll(newTags);
      tags.lockCountsInOrder(moved);
    }
    article.apply(content(merged), newTags);
    article.touch(now());
    changes.fire(
        ArticleChanged.of(article.id, article.slug, ArticleChanged.Kind.UPDATED, article.isLive()));
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
    Instant when = at.map(i -> i.truncatedTo(ChronoUnit.MICROS)).orElse(now);
    if (at.isEmpty()
        && ArticleStatus.PUBLISHED.value().equals(article.status)
        && article.publishedAt != null
        && !article.publishedAt.isAfter(now)) {
      return;
    }
    article.publish(when);
    article.touch(now);
    changes.fire(new ArticleChanged(article.id, article.slug, ArticleChanged.Kind.PUBLISHED, when));
  }

  /** Takes an article back to draft; an editor's decision. */
  @Transactional
  public void unpublish(CurrentUser.Caller caller, String slug) {
    requireEditor(caller);
    Article article = lockLive(slug);
    if (ArticleStatus.DRAFT.value().equals(article.status)) {
      return;
    }
    article.status = ArticleStatus.DRAFT.value();
    article.publishedAt = null;
    article.touch(now());
    changes.fire(new ArticleChanged(article.id, article.slug, ArticleChanged.Kind.UNPUBLISHED));
  }

  /** Soft delete: the article leaves every list and its page answers 410. */
  @Transactional
  public void delete(CurrentUser.Caller caller, String slug) {
    Article article = lockForEdit(caller, slug);
    boolean shown = article.isLive();
    Instant now = now();
    article.deletedAt = now;
    article.touch(now);
    changes.fire(ArticleChanged.of(article.id, article.slug, ArticleChanged.Kind.DELETED, shown));
  }

  /** Writes an article that is published at {@code publishedAt}, as imported content is. */
  @Transactional
  public String createPublished(Account author, ArticleRequest draft, Instant publishedAt) {
    Instant at = publishedAt.truncatedTo(ChronoUnit.MICROS);
    List<Tag> articleTags = tags.findOrCreate(draft.tagsOrEmpty());
    tags.lockCountsInOrder(articleTags);
    Article article = new Article(uniqueSlug(draft.title()), author, content(draft), articleTags);
    article.publish(at);
    article.createdAt = at;
    article.touch(at);
    article.persist();
    entityManager.flush();
    changes.fire(
        new ArticleChanged(
            article.id, article.slug, ArticleChanged.Kind.PUBLISHED, article.publishedAt));
    return article.slug;
  }

  private Article lockForEdit(CurrentUser.Caller caller, String slug) {
    Article article = lockLive(slug);
    boolean owner = article.author.id().equals(caller.accountId());
    if (!(caller.is(Role.EDITOR) || (caller.is(Role.AUTHOR) && owner))) {
      throw ProblemException.forbidden("Only its author or an editor may change this article.");
    }
    return article;
  }

  private Article lockLive(String slug) {
    Article article =
        Article.<Article>find("slug", slug)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(
                () -> ProblemException.notFound("No article has the slug '" + slug + "'."));
    if (article.deletedAt != null) {
      throw ProblemException.gone("The article '" + slug + "' has been deleted.");
    }
    return article;
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
      CurrentUser.Caller caller, Article article, MergePatch patch) {
    if (!article.isLive() || caller.is(Role.EDITOR)) {
      return;
    }
    Map<String, String> links = new LinkedHashMap<>();
    links.put("sourceUrl", article.sourceUrl);
    links.put("referenceUrl", article.referenceUrl);
    links.put("coverImageUrl", article.coverImageUrl);
    for (Map.Entry<String, String> link : links.entrySet()) {
      String field = link.getKey();
      if (patch.has(field)
          && !Objects.equals(blankToNull(patch.text(field, link.getValue())), link.getValue())) {
        throw new ProblemException(
            ProblemType.FORBIDDEN,
            "Only an editor may change the source URL, reference URL or cover image of a published"
                + " or scheduled article; ask an editor to change it.",
            List.of(new Problem.FieldError(field, "only an editor may change it once published")));
      }
    }
  }

  private static void checkPrecondition(Article article, Optional<String> ifMatch) {
    if (ifMatch.isPresent() && !EntityTags.matchesVersion(ifMatch.get(), "v" + article.version)) {
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
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtext(:base))")
        .setParameter("base", "article-slug:" + base)
        .getSingleResult();
    String slug = base;
    for (int n = 2; Article.count("slug", slug) > 0; n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
