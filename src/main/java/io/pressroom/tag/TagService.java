package io.pressroom.tag;

import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.text;

import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.pressroom.web.QueryParams;
import io.pressroom.web.Slugs;
import io.pressroom.web.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Tags: listing them with their public article counts, and finding or creating them by name. */
@ApplicationScoped
public class TagService {

  static final int MAX_SLUG_LENGTH = 60;
  private static final String BY_NAME = "name";
  private static final String BY_ARTICLES = "-articles";

  /**
   * A tag with its public articles: the count the tag keeps (a trigger in the V6 migration) less
   * its scheduled articles whose instant is still ahead, one short index range per tag. The price:
   * two transactions that publish under the same tag take turns on its row until the first commits,
   * as two likes of one article do.
   */
  private static final String VIEW =
      "select t.id, t.slug, t.name, t.description, t.public_count - (select count(*) from"
          + " article_tags s where s.tag_id = t.id and s.public and s.published_at > now())"
          + " as articles, lower(t.name) as name_key from tags t";

  private final EntityManager entityManager;
  private final CursorCodec cursors;

  TagService(EntityManager entityManager, CursorCodec cursors) {
    this.entityManager = entityManager;
    this.cursors = cursors;
  }

  public TagPage list(String sortParam, PageRequest pageRequest) {
    String sort = QueryParams.oneOf("sort", sortParam, BY_NAME, BY_NAME, BY_ARTICLES);
    boolean byName = sort.equals(BY_NAME);
    String key = byName ? "lower(x.name)" : "x.articles";
    String direction = byName ? " asc" : " desc";
    SqlBuilder sql = new SqlBuilder().append("select * from (" + VIEW + ") x where true");
    pageRequest
        .cursor()
        .map(c -> cursors.decode(c, sort, 2).keys())
        .ifPresent(
            keys ->
                sql.append(" and (" + key + ", x.id) " + (byName ? ">" : "<"))
                    .append(" (:afterKey, :afterId)")
                    .bind("afterKey", byName ? keys.get(0) : parseLong(keys.get(0)))
                    .bind("afterId", parseLong(keys.get(1))));
    sql.append(" order by " + key + direction + ", x.id" + direction)
        .append(" limit :limit", "limit", pageRequest.fetchSize())
        .append(" offset :offset", "offset", pageRequest.offset());
    long total =
        asLong(entityManager.createNativeQuery("select count(*) from tags").getSingleResult());
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.toQuery(entityManager).getResultList();
    PageCut<Object[]> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            sort,
            last -> List.of(byName ? text(last[5]) : text(last[4]), text(last[0])));
    List<TagView> items = new ArrayList<>(cut.shown().size());
    cut.shown().forEach(row -> items.add(view(row)));
    return new TagPage(items, cut.info(pageRequest, total));
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
    if (ids.isEmpty()) {
      return;
    }
    entityManager
        .createNativeQuery("select id from tags where id in (:ids) order by id for no key update")
        .setParameter("ids", ids)
        .getResultList();
  }

  public TagView get(String slug) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(VIEW + " where t.slug = :slug")
            .setParameter("slug", slug)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No tag has the slug '" + slug + "'.");
    }
    return view(rows.get(0));
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
      Tag tag = byName(name).orElseGet(() -> create(name));
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  private Optional<Tag> byName(String name) {
    return Tag.find("lower(name) = lower(?1)", name).firstResultOptional();
  }

  private Tag create(String name) {
    String base = Slugs.slugify(name, MAX_SLUG_LENGTH - 4);
    if (base.isEmpty()) {
      base = "tag";
    }
    for (int n = 1; n < 100; n++) {
      String slug = n == 1 ? base : base + "-" + n;
      entityManager
          .createNativeQuery(
              "insert into tags (slug, name) values (:slug, :name) on conflict do nothing")
          .setParameter("slug", slug)
          .setParameter("name", name)
          .executeUpdate();
      Optional<Tag> created = byName(name);
      if (created.isPresent()) {
        return created.get();
      }
    }
    throw new IllegalStateException("No free slug for the tag " + name);
  }

  @Transactional
  public void describe(String name, String description) {
    Tag tag = findOrCreate(List.of(name)).get(0);
    tag.description = description;
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw CursorCodec.invalid();
    }
  }

  private static TagView view(Object[] row) {
    return new TagView(text(row[1]), text(row[2]), text(row[3]), asLong(row[4]));
  }
}
