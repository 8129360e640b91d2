package io.pressroom.author;

import io.pressroom.account.CurrentUser;
import io.pressroom.author.AuthorQueries.Order;
import io.pressroom.db.CountedPage;
import io.pressroom.db.Likes;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authors are the accounts that write ({@link PublicAuthors}): their public profiles, and the one
 * way other features find an author by handle. Readers' accounts have no public profile.
 */
@ApplicationScoped
public class AuthorService {

  private final AuthorQueries queries;
  private final PublicAuthorList publicAuthors;
  private final CursorCodec cursors;

  AuthorService(AuthorQueries queries, PublicAuthorList publicAuthors, CursorCodec cursors) {
    this.queries = queries;
    this.publicAuthors = publicAuthors;
    this.cursors = cursors;
  }

  /** The author with this handle, or a 404 problem for anyone without a public profile. */
  public AuthorIdentity requireAuthor(String handle) {
    return queries.identity(handle).orElseThrow(() -> notFound(handle));
  }

  /**
   * Authors with a public profile whose handle or name begins with {@code prefix} (any case), most
   * followed first, for suggestions while typing: from this instance's copy ({@link
   * PublicAuthorList}), else one statement.
   */
  public List<AuthorRef> startingWith(String prefix, int limit) {
    return publicAuthors
        .startingWith(prefix.toLowerCase(Locale.ROOT), limit)
        .orElseGet(() -> queries.startingWith(Likes.prefixPattern(prefix), limit));
  }

  /** Whether the account has a public author profile now. */
  public boolean isAuthor(long accountId) {
    return queries.isAuthor(accountId);
  }

  /** An author's profile; {@code caller} adds whether they follow the author. */
  public AuthorProfile get(String handle, Optional<CurrentUser.Caller> caller) {
    return queries.profile(handle, viewerId(caller)).orElseThrow(() -> notFound(handle));
  }

  /**
   * Which of these authors (by handle) the account follows, in one statement: a signed-in reader's
   * own state on authors' answers kept for everyone.
   */
  public Set<String> followedAmong(long accountId, Collection<String> handles) {
    return queries.followedAmong(accountId, handles);
  }

  /** Authors in the order asked for; {@code caller} adds whether they follow each one. */
  public AuthorPage list(
      String sortParam, PageRequest pageRequest, Optional<CurrentUser.Caller> caller) {
    Order order = Order.of(sortParam);
    Optional<List<Object>> after =
        pageRequest
            .cursor()
            .map(c -> cursors.decode(c, order.parameter, 2))
            .map(keys -> cursorKeys(order, keys));
    CountedPage<AuthorQueries.Listed> page =
        queries.page(order, after, viewerId(caller), pageRequest.offset(), pageRequest.fetchSize());
    PageCut<AuthorQueries.Listed> cut =
        PageCut.of(page.rows(), pageRequest, cursors, order.parameter, last -> keysOf(order, last));
    return new AuthorPage(
        cut.shown().stream().map(AuthorQueries.Listed::profile).toList(),
        cut.info(pageRequest, page.total()));
  }

  /** The next page's cursor: the last author's sort key and tie-break. */
  private static List<String> keysOf(Order order, AuthorQueries.Listed last) {
    AuthorProfile author = last.profile();
    return switch (order) {
      case NAME -> List.of(author.name(), author.handle());
      case FOLLOWERS -> List.of(Long.toString(author.followers()), Long.toString(last.id()));
      case ARTICLES -> List.of(Long.toString(author.articles()), Long.toString(last.id()));
    };
  }

  /** A cursor's keys as the query compares them: text by name, numbers otherwise. */
  private static List<Object> cursorKeys(Order order, CursorCodec.Position keys) {
    return order == Order.NAME
        ? List.of(keys.text(0), keys.text(1))
        : List.of(keys.longKey(0), keys.longKey(1));
  }

  private static Optional<Long> viewerId(Optional<CurrentUser.Caller> caller) {
    return caller.map(CurrentUser.Caller::accountId);
  }

  private static ProblemException notFound(String handle) {
    return ProblemException.notFound("No author has the handle '" + handle + "'.");
  }
}
