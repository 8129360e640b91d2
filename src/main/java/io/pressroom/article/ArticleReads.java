package io.pressroom.article;

import static io.pressroom.web.Rows.asDouble;
import static io.pressroom.web.Rows.asInt;
import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.instant;
import static io.pressroom.web.Rows.text;

import io.pressroom.author.AuthorRef;
import io.pressroom.tag.TagRef;
import io.pressroom.tag.TagService;
import io.pressroom.web.ResponseDependencies;
import io.pressroom.web.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of articles: plain SQL shaped for the indexes, a fixed number of statements per
 * request whatever the page size (one for the count and the checks, one for the page with the tags
 * of each article).
 */
@ApplicationScoped
class ArticleReads {

  private static final String SUMMARY_COLUMNS =
      "a.id, a.slug, a.title, a.summary, a.published_at, a.updated_at, a.reading_minutes,"
          + " a.cover_image_url, a.like_count, a.comment_count, a.rating_average,"
          + " a.rating_count, u.handle, u.name, u.avatar_url";
  private static final int SUMMARY_COLUMN_COUNT = 15;

  /** A tag's public articles: its kept count less those whose scheduled instant is ahead. */
  private static final String TAG_TOTAL =
      "coalesce((select t.public_count - (select count(*) from article_tags s where s.tag_id ="
          + " t.id and s.public and s.published_at > now()) from tags t where t.slug ="
          + " :totalTag), 0)";

  private final EntityManager entityManager;

  ArticleReads(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The facts the listing must check before it runs: the total and which names exist. */
  record ListingFacts(long total, List<String> knownTags, boolean authorKnown) {}

  /** A page of rows, each with the text of its sort key for the next cursor. */
  record Row(ArticleSummary summary, String sortKey, long id) {}

  ListingFacts facts(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder().append("select ");
    if (onlyByTag(filter)) {
      sql.append(TAG_TOTAL, "totalTag", filter.tagSlugs().get(0));
    } else {
      sql.append("(select count(*)").appendAll(from(filter)).appendAll(where(filter)).append(")");
    }
    sql.append(
        filter.tagSlugs().isEmpty()
            ? ", null"
            : ", (select string_agg(slug, ',') from tags where slug in (:tags))");
    sql.append(
        filter.authorHandle().isPresent()
            ? ", exists (select 1 from accounts where handle = :author)"
            : ", true");
    if (!filter.tagSlugs().isEmpty()) {
      sql.bind("tags", filter.tagSlugs());
    }
    Object[] row = (Object[]) sql.toQuery(entityManager).getSingleResult();
    List<String> known = row[1] == null ? List.of() : Arrays.asList(row[1].toString().split(","));
    return new ListingFacts(asLong(row[0]), known, Boolean.TRUE.equals(row[2]));
  }

  List<Row> page(ArticleFilter filter, Optional<List<String>> after, int limit, int offset) {
    ArticleSort sort = filter.sort();
    String direction = sort.descending() ? " desc" : " asc";
    boolean tagIndexOrder = viaTagIndex(filter) && sort.byPublication();
    String key = tagIndexOrder ? "at.published_at" : sort.keyExpression();
    String idColumn = tagIndexOrder ? "at.article_id" : "a.id";
    SqlBuilder sql =
        new SqlBuilder()
            .append("select " + SUMMARY_COLUMNS)
            .append(", cast(" + key + " as text), " + TagService.REFS_COLUMN)
            .appendAll(from(filter))
            .append(" join accounts u on u.id = a.author_id")
            .appendAll(where(filter));
    after.ifPresent(
        keys ->
            sql.append(
                    " and ("
                        + key
                        + ", "
                        + idColumn
                        + ") "
                        + (sort.descending() ? "<" : ">")
                        + " (cast(:afterKey as "
                        + sort.keyType()
                        + "), :afterId)")
                .bind("afterKey", keys.get(0))
                .bind("afterId", Long.parseLong(keys.get(1))));
    if (sort == ArticleSort.RELEVANCE) {
      sql.bind("q", filter.query().orElseThrow());
    }
    sql.append(" order by " + key + direction + ", " + idColumn + direction)
        .append(" limit :limit", "limit", limit)
        .append(" offset :offset", "offset", offset);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.toQuery(entityManager).getResultList();
    List<Row> page = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      long id = asLong(row[0]);
      page.add(new Row(summary(row, TagService.refs(row[16])), text(row[15]), id));
    }
    ResponseDependencies.articles(page.stream().map(Row::id).toList());
    return page;
  }

  /** The article with this slug whatever its state, with what deciding visibility needs. */
  Optional<StoredArticle> bySlug(String slug) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + SUMMARY_COLUMNS
                    + ", a.body, a.body_html, a.reference_url, a.source_url is not null,"
                    + " a.source_publisher, a.republication_notice, a.status,"
                    + " a.published_at <= now(), a.deleted_at, a.author_id, a.version, "
                    + TagService.REFS_COLUMN
                    + " from articles a join accounts u on u.id = a.author_id"
                    + " where a.slug = :slug")
            .setParameter("slug", slug)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    long id = asLong(row[0]);
    int c = SUMMARY_COLUMN_COUNT;
    ArticleSummary summary = summary(row, TagService.refs(row[c + 11]));
    ResponseDependencies.articles(List.of(id));
    return Optional.of(
        new StoredArticle(
            id,
            summary,
            text(row[c]),
            text(row[c + 1]),
            text(row[c + 2]),
            Boolean.TRUE.equals(row[c + 3]),
            text(row[c + 4]),
            text(row[c + 5]),
            status(text(row[c + 6]), Boolean.TRUE.equals(row[c + 7])),
            row[c + 8] != null,
            asLong(row[c + 9]),
            asLong(row[c + 10])));
  }

  /** Summaries of those of these articles that are public now, by id; one statement. */
  Map<Long, ArticleSummary> publicSummaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + SUMMARY_COLUMNS
                    + ", "
                    + TagService.REFS_COLUMN
                    + " from articles a join accounts u on u.id = a.author_id"
                    + " where a.id in (:ids) and "
                    + io.pressroom.web.PublicArticles.condition("a"))
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, ArticleSummary> summaries = new HashMap<>();
    for (Object[] row : rows) {
      summaries.put(asLong(row[0]), summary(row, TagService.refs(row[SUMMARY_COLUMN_COUNT])));
    }
    ResponseDependencies.articles(List.copyOf(summaries.keySet()));
    return summaries;
  }

  /** What a signed-in reader did on an article and its author, in one statement. */
  ArticleDetail.Viewer viewer(long articleId, long authorId, long accountId) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select exists (select 1 from likes where article_id = :article and"
                        + " account_id = :me), (select score from ratings where article_id ="
                        + " :article and account_id = :me), exists (select 1 from follows where"
                        + " follower_id = :me and author_id = :author)")
                .setParameter("article", articleId)
                .setParameter("author", authorId)
                .setParameter("me", accountId)
                .getSingleResult();
    return new ArticleDetail.Viewer(
        Boolean.TRUE.equals(row[0]),
        row[1] == null ? null : asInt(row[1]),
        Boolean.TRUE.equals(row[2]));
  }

  /**
   * Public articles of one tag are read from that tag's range of {@code article_tags_public_idx},
   * whose rows carry the article's publication time: no pass over every article of the tag.
   */
  private static boolean viaTagIndex(ArticleFilter filter) {
    return filter.tagSlugs().size() == 1 && filter.status() == ArticleStatus.PUBLISHED;
  }

  /** A listing of one tag and nothing else, whose total the tag keeps itself. */
  private static boolean onlyByTag(ArticleFilter filter) {
    return viaTagIndex(filter)
        && filter.authorHandle().isEmpty()
        && filter.query().isEmpty()
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty()
        && filter.updatedSince().isEmpty()
        && filter.onlyAuthorId().isEmpty()
        && filter.followedBy().isEmpty();
  }

  private static SqlBuilder from(ArticleFilter filter) {
    return new SqlBuilder()
        .append(
            viaTagIndex(filter)
                ? " from article_tags at join articles a on a.id = at.article_id"
                : " from articles a");
  }

  private static SqlBuilder where(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder().append(" where a.deleted_at is null");
    switch (filter.status()) {
      case PUBLISHED -> sql.append(" and a.status = 'published' and a.published_at <= now()");
      case SCHEDULED -> sql.append(" and a.status = 'published' and a.published_at > now()");
      case DRAFT -> sql.append(" and a.status = 'draft'");
      case ARCHIVED -> sql.append(" and a.status = 'archived'");
    }
    filter
        .onlyAuthorId()
        .ifPresent(id -> sql.append(" and a.author_id = :onlyAuthor", "onlyAuthor", id));
    filter
        .followedBy()
        .ifPresent(
            id ->
                sql.append(
                    " and a.author_id in (select author_id from follows where follower_id ="
                        + " :follower)",
                    "follower",
                    id));
    if (viaTagIndex(filter)) {
      sql.append(
          " and at.tag_id = (select id from tags where slug = :tag) and at.public"
              + " and at.published_at <= now()",
          "tag",
          filter.tagSlugs().get(0));
    } else if (!filter.tagSlugs().isEmpty()) {
      sql.append(
          " and exists (select 1 from article_tags at where at.article_id = a.id and at.tag_id"
              + " in (select id from tags where slug in (:tags)))",
          "tags",
          filter.tagSlugs());
    }
    filter
        .authorHandle()
        .ifPresent(
            handle ->
                sql.append(
                    " and a.author_id = (select id from accounts where handle = :author)",
                    "author",
                    handle));
    filter
        .query()
        .ifPresent(q -> sql.append(" and a.search @@ websearch_to_tsquery('english', :q)", "q", q));
    filter
        .publishedAfter()
        .ifPresent(at -> sql.append(" and a.published_at > :after", "after", at));
    filter
        .publishedBefore()
        .ifPresent(at -> sql.append(" and a.published_at < :before", "before", at));
    filter
        .updatedSince()
        .ifPresent(at -> sql.append(" and a.updated_at >= :updatedSince", "updatedSince", at));
    return sql;
  }

  private static String status(String stored, boolean due) {
    if (ArticleStatus.PUBLISHED.value().equals(stored) && !due) {
      return ArticleStatus.SCHEDULED.value();
    }
    return stored;
  }

  private static ArticleSummary summary(Object[] row, List<TagRef> tags) {
    return new ArticleSummary(
        text(row[1]),
        text(row[2]),
        text(row[3]),
        new AuthorRef(text(row[12]), text(row[13]), text(row[14])),
        tags,
        instant(row[4]),
        instant(row[5]),
        asInt(row[6]),
        text(row[7]),
        new ArticleStats(
            asInt(row[8]),
            asInt(row[9]),
            Math.round(asDouble(row[10]) * 100) / 100.0,
            asInt(row[11])));
  }

  /** An article as stored, before visibility is decided. */
  record StoredArticle(
      long id,
      ArticleSummary summary,
      String body,
      String html,
      String referenceUrl,
      boolean hasSource,
      String sourcePublisher,
      String republicationNotice,
      String status,
      boolean deleted,
      long authorId,
      long version) {

    boolean isPublic() {
      return !deleted && ArticleStatus.PUBLISHED.value().equals(status);
    }
  }
}
