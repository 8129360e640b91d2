package io.pressroom.tag;

import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import io.pressroom.db.CountedPage;
import io.pressroom.db.Likes;
import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.tag.TagQueries.Order;
import io.pressroom.text.Slugs;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.pressroom.web.Validation;
import io.pressroom.webhook.WebhookRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tags: listing them with their public article counts, finding or creating them by name for
 * articles, and editors' changes. A slug never changes once made, so aggregators that pull a tag
 * keep their URL when it is renamed; articles showing a renamed or deleted tag are reported as
 * changed.
 */
@ApplicationScoped
public class TagService {

  static final int MAX_SLUG_LENGTH = 60;

  private final TagQueries queries;
  private final PublicTags publicTags;
  private final CursorCodec cursors;
  private final Validation validation;
  private final Event<ArticleChanged> articleChanges;
  private final Event<PublicContentChanged> contentChanges;
  private final WebhookRecorder webhooks;
  private final ArticleGateway articles;

  TagService(
      TagQueries queries,
      PublicTags publicTags,
      CursorCodec cursors,
      Validation validation,
      Event<ArticleChanged> articleChanges,
      Event<PublicContentChanged> contentChanges,
      WebhookRecorder webhooks,
      ArticleGateway articles) {
    this.queries = queries;
    this.publicTags = publicTags;
    this.cursors = cursors;
    this.validation = validation;
    this.articleChanges = articleChanges;
    this.contentChanges = contentChanges;
    this.webhooks = webhooks;
    this.articles = articles;
  }

  /** The tag with this slug, or a 404 problem: the one way other features find a tag. */
  public Tag requireBySlug(String slug) {
    return queries.bySlug(slug).orElseThrow(() -> notFound(slug));
  }

  /**
   * Tags with public articles whose slug or name begins with {@code prefix} (any case), most used
   * first, for suggestions while typing: from this instance's copy ({@link PublicTags}), else one
   * statement.
   */
  public List<TagRef> startingWith(String prefix, int limit) {
    return publicTags
        .startingWith(prefix.toLowerCase(Locale.ROOT), limit)
        .orElseGet(() -> queries.startingWith(Likes.prefixPattern(prefix), limit));
  }

  /** A tag with its count of public articles. */
  public TagView get(String slug) {
    return queries.view(slug).orElseThrow(() -> notFound(slug));
  }

  public TagPage list(String sortParam, PageRequest pageRequest) {
    Order order = Order.of(sortParam);
    Optional<List<Object>> after =
        pageRequest
            .cursor()
            .map(c -> cursors.decode(c, order.parameter, 2))
            .map(
                keys ->
                    List.of(order == Order.NAME ? keys.text(0) : keys.longKey(0), keys.longKey(1)));
    CountedPage<TagQueries.Listed> page =
        queries.page(order, after, pageRequest.offset(), pageRequest.fetchSize());
    PageCut<TagQueries.Listed> cut =
        PageCut.of(
            page.rows(),
            pageRequest,
            cursors,
            order.parameter,
            last ->
                List.of(
                    order == Order.NAME ? last.nameKey() : Long.toString(last.view().articles()),
                    Long.toString(last.id())));
    return new TagPage(
        cut.shown().stream().map(TagQueries.Listed::view).toList(),
        cut.info(pageRequest, page.total()));
  }

  /**
   * A column for a query over articles aliased {@code a}: the article's tags in their order, one
   * string to read back with {@link #refs(Object)}. A page and its tags so take one statement.
   */
  public static final String REFS_COLUMN =
      "(select string_agg(t.slug || chr(31) || t.name, chr(30) order by x.position)"
          + " from article_tags x join tags t on t.id = x.tag_id where x.article_id = a.id)";

  private static final String PAIRS = "\u001e";
  private static final char PARTS = '\u001f';

  /** The tags in one row's {@link #REFS_COLUMN}; slugs and names hold no control characters. */
  public static List<TagRef> refs(Object column) {
    if (column == null) {
      return List.of();
    }
    List<TagRef> refs = new ArrayList<>();
    for (String pair : column.toString().split(PAIRS)) {
      int cut = pair.indexOf(PARTS);
      refs.add(new TagRef(pair.substring(0, cut), pair.substring(cut + 1)));
    }
    return refs;
  }

  /**
   * Locks these tags in id order, as the count triggers of the V6 migration do. A write that moves
   * a public article between tags in several statements calls this first, so that it cannot take
   * the tags' locks in an order that deadlocks with another writer.
   */
  public void lockCountsInOrder(Collection<Tag> tagsToLock) {
    List<Long> ids = tagsToLock.stream().map(Tag::id).distinct().sorted().toList();
    if (!ids.isEmpty()) {
      queries.lockInIdOrder(ids);
    }
  }

  /**
   * The tags with these names, created when missing; names match case-insensitively. Creation is an
   * insert that yields to a concurrent writer of the same name instead of failing.
   */
  @Transactional
  public List<Tag> findOrCreate(List<String> names) {
    List<Tag> tags = new ArrayList<>();
    for (String raw : names) {
      String name = raw.trim();
      Tag tag = queries.byName(name).orElseGet(() -> insert(name));
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** Gives the tag with this name (created when missing) a description; for demo content. */
  @Transactional
  public void describe(String name, String description) {
    findOrCreate(List.of(name)).get(0).describe(description);
  }

  /** An editor creates a tag; returns its slug. */
  @Transactional
  public String create(TagRequest request) {
    String name = request.name().trim();
    refuseTakenName(name, null);
    Tag tag = findOrCreate(List.of(name)).get(0);
    tag.describe(blankToNull(request.description()));
    contentChanges.fire(new PublicContentChanged("tag"));
    return tag.slug;
  }

  /** An editor renames or describes a tag; the articles showing a renamed tag change too. */
  @Transactional
  public void update(String slug, TagPatch patch) {
    Tag tag = requireBySlug(slug);
    TagRequest merged = validation.check(patch.applyTo(tag));
    String name = merged.name().trim();
    boolean renamed = !name.equals(tag.name);
    List<ArticleGateway.Tagged> showing = List.of();
    if (renamed) {
      refuseTakenName(name, tag.id);
      // Before the tag's own row: the lock order of the articles' writes.
      showing = articles.lockTagged(tag.id);
    }
    tag.edit(name, blankToNull(merged.description()));
    webhooks.tagUpdated(tag.id(), tag.slug());
    queries.flush();
    if (renamed) {
      // An article given the tag while the rename waited for the tag's row shows the new name too.
      announceArticlesShowing(union(showing, articles.tagged(tag.id)));
    }
    contentChanges.fire(new PublicContentChanged("tag"));
  }

  /** An editor deletes a tag, which takes it off every article. */
  @Transactional
  public void delete(String slug) {
    Tag tag = requireBySlug(slug);
    // Before the tag's own row: the lock order of the articles' writes.
    List<ArticleGateway.Tagged> showing = articles.lockTagged(tag.id);
    queries.delete(tag);
    webhooks.tagDeleted(tag.id(), tag.slug());
    announceArticlesShowing(showing);
    contentChanges.fire(new PublicContentChanged("tag"));
  }

  private static List<ArticleGateway.Tagged> union(
      List<ArticleGateway.Tagged> locked, List<ArticleGateway.Tagged> now) {
    Map<Long, ArticleGateway.Tagged> byId = new LinkedHashMap<>();
    locked.forEach(article -> byId.put(article.id(), article));
    now.forEach(article -> byId.putIfAbsent(article.id(), article));
    return List.copyOf(byId.values());
  }

  private void announceArticlesShowing(List<ArticleGateway.Tagged> showing) {
    showing.forEach(
        article ->
            articleChanges.fire(
                new ArticleChanged(article.id(), article.slug(), ArticleChanged.Kind.UPDATED)));
  }

  /**
   * Inserts a tag under the first free slug made from its name. Another writer may insert the same
   * name meanwhile: the insert then does nothing and that writer's tag is the answer.
   */
  private Tag insert(String name) {
    String base = Slugs.slugify(name, MAX_SLUG_LENGTH - 4);
    if (base.isEmpty()) {
      base = "tag";
    }
    for (int n = 1; n < 100; n++) {
      boolean inserted = queries.insertIfFree(n == 1 ? base : base + "-" + n, name);
      Optional<Tag> created = queries.byName(name);
      if (created.isPresent()) {
        if (inserted) {
          webhooks.tagCreated(created.get().id(), created.get().slug());
        }
        return created.get();
      }
    }
    throw new IllegalStateException("No free slug for the tag " + name);
  }

  private void refuseTakenName(String name, Long except) {
    if (queries.nameTaken(name, except)) {
      throw ProblemException.conflict("name", "a tag with this name exists already");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static ProblemException notFound(String slug) {
    return ProblemException.notFound("No tag has the slug '" + slug + "'.");
  }
}
