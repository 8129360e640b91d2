package io.pressroom.author;

import io.pressroom.article.PublicArticles;
import io.pressroom.db.CountedPage;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.delivery.KeptSnapshot;
import io.pressroom.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every statement of authors and follows. An author's profile and its counts take one statement,
 * and so does a page of authors with their total.
 */
@ApplicationScoped
class AuthorQueries {

  /**
   * The orders of a list of authors, by their {@code sort} parameter: key, tie-break, direction.
   */
  enum Order {
    NAME("name", "x.name", "x.handle", "asc"),
    FOLLOWERS("-followers", "x.followers", "x.id", "desc"),
    ARTICLES("-articles", "x.articles", "x.id", "desc");

    final String parameter;
    final String key;
    final String tieBreak;
    final String direction;

    Order(String parameter, String key, String tieBreak, String direction) {
      this.parameter = parameter;
      this.key = key;
      this.tieBreak = tieBreak;
      this.direction = direction;
    }

    /** The order a {@code sort} parameter names; by name when absent, 400 when unknown. */
    static Order of(String sortParam) {
      String sort =
          QueryParams.oneOf(
              "sort",
              sortParam,
              NAME.parameter,
              NAME.parameter,
              FOLLOWERS.parameter,
              ARTICLES.parameter);
      return Arrays.stream(values()).filter(o -> o.parameter.equals(sort)).findFirst().get();
    }
  }

  /** An author as listed, with the id that breaks ties between equal counts. */
  record Listed(long id, AuthorProfile profile) {}

  private static final String PROFILE =
      "select u.id as id, u.handle as handle, u.name as name, u.bio as bio,"
          + " u.avatar_url as avatar_url, u.website_url as website_url,"
          + " u.follower_count as followers, "
          + PublicAuthors.publicArticles("u")
          + " as articles, %s as following from accounts u where "
          + PublicAuthors.condition("u");
  private static final String FOLLOWING =
      "exists (select 1 from follows f where f.follower_id = :me and f.author_id = u.id)";

  private final EntityManager entityManager;

  AuthorQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  boolean isAuthor(long accountId) {
    return Row.single(
                entityManager
                    .createNativeQuery(
                        "select count(*) as found from accounts u where u.id = :id and "
                            + PublicAuthors.condition("u"),
                        Tuple.class)
                    .setParameter("id", accountId))
            .getLong("found")
        > 0;
  }

  Optional<AuthorIdentity> identity(String handle) {
    return Row.first(
            entityManager
                .createNativeQuery(
                    "select u.id as id, u.handle as handle, u.name as name,"
                        + " u.created_at as created_at from accounts u where u.handle = :handle"
                        + " and "
                        + PublicAuthors.condition("u"),
                    Tuple.class)
                .setParameter("handle", handle))
        .map(
            row ->
                new AuthorIdentity(
                    row.getLong("id"),
                    row.text("handle"),
                    row.text("name"),
                    row.instant("created_at")));
  }

  /** The profile; {@code viewerId} adds whether that account follows the author. */
  Optional<AuthorProfile> profile(String handle, Optional<Long> viewerId) {
    SqlBuilder sql = new SqlBuilder().append(profiles(viewerId) + " and u.handle = :handle");
    sql.bind("handle", handle);
    viewerId.ifPresent(id -> sql.bind("me", id));
    // A hot read (an author page missed by the cache): rows read directly, see SqlBuilder.read.
    return sql.read(entityManager).stream().findFirst().map(AuthorQueries::profile);
  }

  /**
   * Authors in {@code order} after the cursor position {@code after} (the order's key and
   * tie-break, when paging on), with the count of every public author ({@link CountedPage}); {@code
   * viewerId} adds whether that account follows each one.
   */
  CountedPage<Listed> page(
      Order order, Optional<List<Object>> after, Optional<Long> viewerId, int offset, int limit) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                order == Order.ARTICLES
                    ? byLiveArticles(viewerId, after, offset + limit)
                    : "select * from (" + profiles(viewerId) + ") x where true");
    viewerId.ifPresent(id -> sql.bind("me", id));
    after.ifPresent(
        keys ->
            sql.append(" and (" + order.key + ", " + order.tieBreak + ")")
                .append(order == Order.NAME ? " >" : " <")
                .append(" (:afterKey, :afterTie)")
                .bind("afterKey", keys.get(0))
                .bind("afterTie", keys.get(1)));
    String orderBy =
        order.key + " " + order.direction + ", " + order.tieBreak + " " + order.direction;
    sql.append(" order by " + orderBy)
        .append(" limit :limit", "limit", limit)
        .append(" offset :offset", "offset", offset);
    return CountedPage.read(
            entityManager,
            "select count(*) as total from accounts u where " + PublicAuthors.condition("u"),
            sql,
            orderBy,
            "id")
        .map(row -> new Listed(row.getLong("id"), profile(row)));
  }

  /**
   * The authors a page most articles first is taken from (the alias {@code x}, ordered and cut by
   * the caller): the first {@code wanted} after the cursor of those with no scheduled article
   * ahead, whose public articles are their live ones, walked in the order of {@code
   * accounts_by_live_articles_idx} (V27), and every author with a scheduled article ahead, whose
   * count is worked out. Any author of the page without one is among the first {@code wanted} of
   * the walk, which is in the page's order for them; working out every author's count to order them
   * took 64 to 93 ms at 1,000,000 articles (20,000 authors).
   */
  private static String byLiveArticles(
      Optional<Long> viewerId, Optional<List<Object>> after, int wanted) {
    String scheduled =
        "select s.author_id from articles s where " + PublicArticles.scheduledCondition("s");
    return "select * from ((select * from ("
        + profiles(viewerId)
        + " and u.id not in ("
        + scheduled
        + ")"
        + (after.isPresent() ? " and (u.live_articles, u.id) < (:afterKey, :afterTie)" : "")
        + " order by u.live_articles desc, u.id desc limit "
        + wanted
        + ") w) union all (select * from ("
        + profiles(viewerId)
        + " and u.id in ("
        + scheduled
        + ")) s)) x where true";
  }

  /**
   * Which of the accounts with these handles {@code followerId} follows: a look-up of each handle
   * and of each follow by key, however many authors the reader follows.
   */
  Set<String> followedAmong(long followerId, Collection<String> handles) {
    if (handles.isEmpty()) {
      return Set.of();
    }
    return Row.list(
            entityManager
                .createNativeQuery(
                    "select u.handle as handle from accounts u where u.handle in (:handles) and"
                        + " exists (select 1 from follows f where f.follower_id = :me and"
                        + " f.author_id = u.id)",
                    Tuple.class)
                .setParameter("handles", handles)
                .setParameter("me", followerId))
        .stream()
        .map(row -> row.text("handle"))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Follows the author; false when the follower did already. */
  boolean follow(long followerId, long authorId) {
    return entityManager
            .createNativeQuery(
                "insert into follows (follower_id, author_id) values (:me, :author)"
                    + " on conflict do nothing")
            .setParameter("me", followerId)
            .setParameter("author", authorId)
            .executeUpdate()
        == 1;
  }

  /** Stops following the account with this handle; answers its id if a follow was removed. */
  Optional<Long> unfollow(long followerId, String handle) {
    return Row.first(
            entityManager
                .createNativeQuery(
                    "delete from follows where follower_id = :me"
                        + " and author_id = (select id from accounts where handle = :handle)"
                        + " returning author_id as author_id",
                    Tuple.class)
                .setParameter("me", followerId)
                .setParameter("handle", handle))
        .map(row -> row.getLong("author_id"));
  }

  /** Moves the author's follower counter by an SQL increment, safe under concurrent follows. */
  void addFollowers(long authorId, int delta) {
    entityManager
        .createNativeQuery(
            "update accounts set follower_count = follower_count + :delta where id = :author")
        .setParameter("delta", delta)
        .setParameter("author", authorId)
        .executeUpdate();
  }

  private static String profiles(Optional<Long> viewerId) {
    return PROFILE.formatted(viewerId.isPresent() ? FOLLOWING : "cast(null as boolean)");
  }

  private static AuthorProfile profile(Row row) {
    return new AuthorProfile(
        row.text("handle"),
        row.text("name"),
        row.text("bio"),
        row.text("avatar_url"),
        row.text("website_url"),
        row.getLong("followers"),
        row.getLong("articles"),
        row.isNull("following") ? null : new AuthorProfile.Viewer(row.bool("following")));
  }

  /**
   * Authors with a public profile whose handle or name begins with {@code prefix} (case-folded,
   * LIKE wildcards escaped by the caller), most followed first.
   */
  List<AuthorRef> startingWith(String prefix, int limit) {
    return new SqlBuilder()
            .append("select u.handle as handle, u.name as name, u.avatar_url as avatar_url")
            .append(" from accounts u where (lower(u.handle) like :prefix")
            .append(" or lower(u.name) like :prefix) and ", "prefix", prefix)
            .append(PublicAuthors.condition("u"))
            .append(" order by u.follower_count desc, u.handle limit :limit", "limit", limit)
            .rows(entityManager)
            .stream()
            .map(row -> new AuthorRef(row.text("handle"), row.text("name"), row.text("avatar_url")))
            .toList();
  }

  /**
   * Every author with a public profile, most followed first, and the next scheduled publication's
   * instant (when an account may become an author by itself): one statement, for {@link
   * PublicAuthorList}.
   */
  KeptSnapshot.Loaded<List<PublicAuthorList.Listed>> publicAuthors() {
    List<Row> rows =
        new SqlBuilder()
            .append("select n.next_at as next_at, v.handle as handle, v.name as name,")
            .append(" v.avatar_url as avatar_url, v.handle_key as handle_key,")
            .append(" v.name_key as name_key from (select min(a.published_at) as next_at")
            .append(" from articles a where " + PublicArticles.scheduledCondition("a") + ") n")
            .append(" left join (select u.handle, u.name, u.avatar_url, u.follower_count,")
            .append(" lower(u.handle) as handle_key, coalesce(lower(u.name), '') as name_key")
            .append(" from accounts u where " + PublicAuthors.condition("u") + ") v on true")
            .append(" order by v.follower_count desc, v.handle")
            .rows(entityManager);
    Instant next = rows.get(0).isNull("next_at") ? null : rows.get(0).exactInstant("next_at");
    List<PublicAuthorList.Listed> authors =
        rows.stream()
            .filter(row -> !row.isNull("handle"))
            .map(
                row ->
                    new PublicAuthorList.Listed(
                        new AuthorRef(row.text("handle"), row.text("name"), row.text("avatar_url")),
                        row.text("handle_key"),
                        row.text("name_key")))
            .toList();
    return new KeptSnapshot.Loaded<>(authors, next);
  }
}
