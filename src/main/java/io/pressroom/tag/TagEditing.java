package io.pressroom.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.article.ArticleChanged;
import io.pressroom.web.MergePatch;
import io.pressroom.web.ProblemException;
import io.pressroom.web.PublicContentChanged;
import io.pressroom.web.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Editors' changes to tags. A slug never changes once made, so aggregators that pull a tag keep
 * their URL when it is renamed. Articles showing a renamed or deleted tag are reported as changed.
 */
@ApplicationScoped
public class TagEditing {

  private final TagService tags;
  private final Validation validation;
  private final EntityManager entityManager;
  private final Event<ArticleChanged> articleChanges;
  private final Event<PublicContentChanged> contentChanges;

  TagEditing(
      TagService tags,
      Validation validation,
      EntityManager entityManager,
      Event<ArticleChanged> articleChanges,
      Event<PublicContentChanged> contentChanges) {
    this.tags = tags;
    this.validation = validation;
    this.entityManager = entityManager;
    this.articleChanges = articleChanges;
    this.contentChanges = contentChanges;
  }

  /** Creates a tag; returns its slug. */
  @Transactional
  public String create(TagRequest request) {
    String name = request.name().trim();
    refuseTakenName(name, null);
    Tag tag = tags.findOrCreate(List.of(name)).get(0);
    tag.description = blankToNull(request.description());
    contentChanges.fire(new PublicContentChanged("tag"));
    return tag.slug;
  }

  @Transactional
  public void update(String slug, JsonNode body) {
    MergePatch patch = MergePatch.of(body, Set.of("name", "description"));
    Tag tag = find(slug);
    TagRequest merged =
        validation.check(
            new TagRequest(
                patch.text("name", tag.name), patch.text("description", tag.description)));
    String name = merged.name().trim();
    boolean renamed = !name.equals(tag.name);
    if (renamed) {
      refuseTakenName(name, tag.id);
    }
    tag.name = name;
    tag.description = blankToNull(merged.description());
    tag.updatedAt = Instant.now();
    entityManager.flush();
    if (renamed) {
      announceArticlesOf(tag.id);
    }
    contentChanges.fire(new PublicContentChanged("tag"));
  }

  /** Deletes a tag and takes it off every article. */
  @Transactional
  public void delete(String slug) {
    Tag tag = find(slug);
    List<Object[]> articles = articlesOf(tag.id);
    tag.delete();
    entityManager.flush();
    articles.forEach(
        row ->
            articleChanges.fire(
                new ArticleChanged(
                    ((Number) row[0]).longValue(), (String) row[1], ArticleChanged.Kind.UPDATED)));
    contentChanges.fire(new PublicContentChanged("tag"));
  }

  private void announceArticlesOf(long tagId) {
    articlesOf(tagId)
        .forEach(
            row ->
                articleChanges.fire(
                    new ArticleChanged(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        ArticleChanged.Kind.UPDATED)));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> articlesOf(long tagId) {
    return entityManager
        .createNativeQuery(
            "select a.id, a.slug from article_tags at join articles a on a.id = at.article_id"
                + " where at.tag_id = :tag")
        .setParameter("tag", tagId)
        .getResultList();
  }

  private Tag find(String slug) {
    return Tag.<Tag>find("slug", slug)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("No tag has the slug '" + slug + "'."));
  }

  private void refuseTakenName(String name, Long except) {
    long taken =
        except == null
            ? Tag.count("lower(name) = lower(?1)", name)
            : Tag.count("lower(name) = lower(?1) and id <> ?2", name, except);
    if (taken > 0) {
      throw ProblemException.conflict("name", "a tag with this name exists already");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
