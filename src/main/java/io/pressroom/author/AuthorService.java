package io.pressroom.author;

import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.text;

import io.pressroom.account.CurrentUser;
import io.pressroom.article.PublicArticles;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.pressroom.web.QueryParams;
import io.pressroom.web.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Authors are the accounts that write: those with the author or editor role, and anyone with a
 * published article. Readers' accounts have no public profile.
 */
@ApplicationScoped
public class AuthorService {

  private static final String BY_NAME = "name";
  private static final String BY_FOLLOWERS = "-followers";
  private static final String BY_ARTICLES = "-articles";

  private static final String PUBLISHED_BY_U =
      "select count(*) from articles a where a.author_id = u.id and "
          + PublicArticles.condition("a");
  static final String IS_AUTHOR =
      "not u.disabled and (u.role in ('author', 'editor') or exists (select 1 from articles a"
          + " where a.author_id = u.id and "
          + PublicArticles.condition("a")
          + "))";
  private static final String VIEW =
      "select u.id, u.handle, u.name, u.bio, u.avatar_url, u.website_url, u.follower_count, ("
          + PUBLISHED_BY_U
          + ") as articles, %s as following from accounts u where "
          + IS_AUTHOR;
  private static final String FOLLOWING =
      "exists (select 1 from follows f where f.follower_id = :me and f.author_id = u.id)";

  private final EntityManager entityManager;
  private final CursorCodec cursors;

  AuthorService(EntityManager entityManager, CursorCodec cursors) {
    this.entityManager = entityManager;
    this.cursors = cursors;
  }

  /** Whether the account has a public author profile now ({@link #IS_AUTHOR}). */
  public boolean isAuthor(long accountId) {
    Number found =
        (Number)
            entityManager
                .createNativeQuery(
                    "select count(*) from accounts u where u.id = :id and " + IS_AUTHOR)
                .setParameter("id", accountId)
                .getSingleResult();
    return found.longValue() > 0;
  }

  /** Authors in the order asked for; {@code caller} adds whether they follow each one. */
  public AuthorPage list(
      String sortParam, PageRequest pageRequest, Optional<CurrentUser.Caller> caller) {
    String sort = QueryParams.oneOf("sort", sortParam, BY_NAME, BY_NAME, BY_FOLLOWERS, BY_ARTICLES);
    boolean byName = sort.equals(BY_NAME);
    String key =
        switch (sort) {
          case BY_NAME -> "x.name";
          case BY_FOLLOWERS -> "x.follower_count";
          default -> "x.articles";
        };
    String tieBreak = byName ? "x.handle" : "x.id";
    String direction = byName ? " asc" : " desc";
    SqlBuilder sql = new SqlBuilder().append("select * from (" + view(caller) + ") x where true");
    caller.ifPresent(c -> sql.bind("me", c.accountId()));
    pageRequest
        .cursor()
        .map(c -> cursors.decode(c, sort, 2).keys())
        .ifPresent(
            keys ->
                sql.append(" and (" + key + ", " + tieBreak + ") " + (byName ? ">" : "<"))
                    .append(" (:afterKey, :afterTie)")
                    .bind("afterKey", byName ? keys.get(0) : parseLong(keys.get(0)))
                    .bind("afterTie", byName ? keys.get(1) : parseLong(keys.get(1))));
    sql.append(" order by " + key + direction + ", " + tieBreak + direction)
        .append(" limit :limit", "limit", pageRequest.fetchSize())
        .append(" offset :offset", "offset", pageRequest.offset());
    long total =
        asLong(
            entityManager
                .createNativeQuery("select count(*) from accounts u where " + IS_AUTHOR)
                .getSingleResult());
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.toQuery(entityManager).getResultList();
    PageCut<Object[]> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            sort,
            last ->
                switch (sort) {
                  case BY_NAME -> List.of(text(last[2]), text(last[1]));
                  case BY_FOLLOWERS -> List.of(text(last[6]), text(last[0]));
                  default -> List.of(text(last[7]), text(last[0]));
                });
    List<AuthorProfile> items = new ArrayList<>(cut.shown().size());
    cut.shown().forEach(row -> items.add(profile(row)));
    return new AuthorPage(items, cut.info(pageRequest, total));
  }

  /** An author's profile; {@code caller} adds whether they follow the author. */
  public AuthorProfile get(String handle, Optional<CurrentUser.Caller> caller) {
    SqlBuilder sql = new SqlBuilder().append(view(caller) + " and u.handle = :handle");
    sql.bind("handle", handle);
    caller.ifPresent(c -> sql.bind("me", c.accountId()));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.toQuery(entityManager).getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No author has the handle '" + handle + "'.");
    }
    return profile(rows.get(0));
  }

  private static String view(Optional<CurrentUser.Caller> caller) {
    return VIEW.formatted(caller.isPresent() ? FOLLOWING : "cast(null as boolean)");
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw CursorCodec.invalid();
    }
  }

  private static AuthorProfile profile(Object[] row) {
    return new AuthorProfile(
        text(row[1]),
        text(row[2]),
        text(row[3]),
        text(row[4]),
        text(row[5]),
        asLong(row[6]),
        asLong(row[7]),
        row[8] == null ? null : new AuthorProfile.Viewer(Boolean.TRUE.equals(row[8])));
  }
}
