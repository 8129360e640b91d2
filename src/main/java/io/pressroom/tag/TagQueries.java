package io.pressroom.tag;

import io.pressroom.db.CountedPage;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.delivery.KeptSnapshot;
import io.pressroom.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every statement on tags. A tag with its count takes one statement, a page of tags one. */
@ApplicationScoped
class TagQueries {

  /** The orders of a list of tags, by their {@code sort} parameter: key and direction. */
  enum Order {
    NAME("name", "x.name_key", "asc"),
    ARTICLES("-articles", "x.articles", "desc");

    final String parameter;
    final String key;
    final String direction;

    Order(String parameter, String key, String direction) {
      this.parameter = parameter;
      this.key = key;
      this.direction = direction;
    }

    /** The order a {@code sort} parameter names; by name when absent, 400 when unknown. */
    static Order of(String sortParam) {
      String sort =
          QueryParams.oneOf("sort", sortParam, NAME.parameter, NAME.parameter, ARTICLES.parameter);
      return sort.equals(NAME.parameter) ? NAME : ARTICLES;
    }
  }

  /** A tag as listed, with its id and case-folded name, which cursors continue from. */
  record Listed(long id, String nameKey, TagView view) {}

  /**
   * A tag with its public articles: the count the tag keeps (a trigger in the V6 migration) less
   * its scheduled articles whose instant is still ahead, one short index range per tag. The price:
   * two transactions that publish under the same tag take turns on its row until the first commits,
   * as two likes of one article do.
   */
  private static final String VIEW =
      "select t.id as id, t.slug as slug, t.name as name, t.description as description,"
          + " t.public_count - (select count(*) from article_tags s where s.tag_id = t.id"
          + " and s.public and s.published_at > now()) as articles,"
          + " lower(t.name) as name_key from tags t";

  private final EntityManager entityManager;

  TagQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The tag with this slug, if anyone may see it ({@link TagVisibility}). */
  Optional<TagView> view(String slug) {
    return new SqlBuilder()
        .append(VIEW + " where t.slug = :slug and " + TagVisibility.condition("t"), "slug", slug)
        .first(entityManager)
        .map(TagQueries::view);
  }

  /**
   * Tags in {@code order} after the cursor position {@code after} (key and id), if paging on, with
   * the count of every tag anyone may see ({@link CountedPage}).
   */
  CountedPage<Listed> page(Order order, Optional<List<Object>> after, int offset, int limit) {
    SqlBuilder sql =
        new SqlBuilder()
            .append("select * from (" + VIEW + " where " + TagVisibility.condition("t") + ") x")
            .append(" where true");
    after.ifPresent(
        keys ->
            sql.append(" and (" + order.key + ", x.id)")
                .append(order == Order.NAME ? " >" : " <")
                .append(" (:afterKey, :afterId)")
                .bind("afterKey", keys.get(0))
                .bind("afterId", keys.get(1)));
    String orderBy = order.key + " " + order.direction + ", x.id " + order.direction;
    sql.append(" order by " + orderBy)
        // Written in, not bound: with a bound limit PostgreSQL planned this statement afresh on
        // every call (pg_stat_statements: as many plans as calls), see ListingFilters.pageBounds.
        .append(" limit " + limit + (offset > 0 ? " offset " + offset : ""));
    return CountedPage.read(
            entityManager,
            "select count(*) as total from tags t where " + TagVisibility.condition("t"),
            sql,
            orderBy,
            "id")
        .map(row -> new Listed(row.getLong("id"), row.text("name_key"), view(row)));
  }

  Optional<Tag> bySlug(String slug) {
    return Tag.find("slug", slug).firstResultOptional();
  }

  /** Names match ignoring case: "Rust" and "rust" are one tag. */
  Optional<Tag> byName(String name) {
    return Tag.find("lower(name) = lower(?1)", name).firstResultOptional();
  }

  /** Whether another tag than {@code except} (null: any tag) has this name, ignoring case. */
  boolean nameTaken(String name, Long except) {
    long taken =
        except == null
            ? Tag.count("lower(name) = lower(?1)", name)
            : Tag.count("lower(name) = lower(?1) and id <> ?2", name, except);
    return taken > 0;
  }

  /**
   * Inserts the tag unless the slug or the name is taken, by a concurrent writer too; whether it
   * did.
   */
  boolean insertIfFree(String slug, String name) {
    return entityManager
            .createNativeQuery(
                "insert into tags (slug, name) values (:slug, :name) on conflict do nothing")
            .setParameter("slug", slug)
            .setParameter("name", name)
            .executeUpdate()
        > 0;
  }

  /** Takes the tags' row locks in id order, as the count triggers of the V6 migration do. */
  void lockInIdOrder(List<Long> ids) {
    entityManager
        .createNativeQuery("select id from tags where id in (:ids) order by id for no key update")
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Deletes the tag; the database takes it off every article (on delete cascade). */
  void delete(Tag tag) {
    tag.delete();
    entityManager.flush();
  }

  /** Sends pending changes now: observers of the events fired next read them in SQL. */
  void flush() {
    entityManager.flush();
  }

  private static TagView view(Row row) {
    return new TagView(
        row.text("slug"), row.text("name"), row.text("description"), row.getLong("articles"));
  }

  /**
   * Tags with public articles whose slug or name begins with {@code prefix} (case-folded, LIKE
   * wildcards escaped by the caller), those with most articles first.
   */
  List<TagRef> startingWith(String prefix, int limit) {
    return new SqlBuilder()
            .append("select v.slug as slug, v.name as name from (" + VIEW)
            .append(" where (t.slug like :prefix or lower(t.name) like :prefix)", "prefix", prefix)
            .append(" and t.public_count > 0) v")
            // Counted as the tag's own answer counts: scheduled articles only from their instant.
            .append(" where v.articles > 0 order by v.articles desc, v.slug")
            .append(" limit :limit", "limit", limit)
            .rows(entityManager)
            .stream()
            .map(row -> new TagRef(row.text("slug"), row.text("name")))
            .toList();
  }

  /**
   * Every tag with public articles, most used first, and the next scheduled publication's instant
   * (when the counts change by themselves): one statement, for {@link PublicTags}.
   */
  KeptSnapshot.Loaded<List<PublicTags.Counted>> publicTags() {
    List<Row> rows =
        new SqlBuilder()
            .append("select n.next_at as next_at, v.slug as slug, v.name as name,")
            .append(" v.name_key as name_key from (select min(s.published_at) as next_at")
            .append(" from article_tags s where s.public and s.published_at > now()) n")
            .append(" left join (select * from (" + VIEW + " where t.public_count > 0) x")
            .append(" where x.articles > 0) v on true order by v.articles desc, v.slug")
            .rows(entityManager);
    Instant next = rows.get(0).isNull("next_at") ? null : rows.get(0).exactInstant("next_at");
    List<PublicTags.Counted> tags =
        rows.stream()
            .filter(row -> !row.isNull("slug"))
            .map(
                row ->
                    new PublicTags.Counted(
                        row.text("slug"), row.text("name"), row.text("name_key")))
            .toList();
    return new KeptSnapshot.Loaded<>(tags, next);
  }
}
