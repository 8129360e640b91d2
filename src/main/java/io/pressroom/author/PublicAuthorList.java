package io.pressroom.author;

import io.pressroom.article.ArticleChanged;
import io.pressroom.delivery.KeptSnapshot;
import io.pressroom.delivery.OtherInstancesChanged;
import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.text.PrefixIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Optional;

/**
 * This instance's copy of the authors with a public profile ({@link PublicAuthors}), most followed
 * first (as {@link AuthorQueries#startingWith} orders them), for suggestions while typing without a
 * statement. An account becomes an author by its first public article, so the copy holds until the
 * next scheduled publication; dropped when a write here commits and when another instance announces
 * one ({@link KeptSnapshot}), but for follows, whose order it catches up within {@link
 * PublicContentChanged#FOLLOWER_ORDER_LAG}: loading the copy reads every account and article (50 ms
 * at 100,000 articles, 230 at 1,000,000), and loaded again on every follow, readers following
 * authors kept the database loading it. Now it is loaded at most once in that while, however many
 * follows came.
 */
@ApplicationScoped
class PublicAuthorList {

  /** An author with the case-folded handle and name as PostgreSQL folds them. */
  record Listed(AuthorRef ref, String handleKey, String nameKey) {}

  private final AuthorQueries queries;
  private final KeptSnapshot<PrefixIndex<Listed>> snapshot = new KeptSnapshot<>();

  PublicAuthorList(AuthorQueries queries) {
    this.queries = queries;
  }

  /** Up to {@code limit} authors beginning with {@code folded}; empty while not usable. */
  Optional<List<AuthorRef>> startingWith(String folded, int limit) {
    return snapshot
        .get(
            () ->
                queries
                    .publicAuthors()
                    .map(all -> PrefixIndex.of(all, a -> List.of(a.handleKey(), a.nameKey()))))
        .map(all -> all.first(folded, limit).stream().map(Listed::ref).toList());
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    // Likes, ratings and comments change only counters, not who has a public profile or how many
    // follow them.
    if (change.changesListings()) {
      snapshot.drop();
    }
  }

  /** Profiles, roles and disabled accounts at once; follower counts within a bounded while. */
  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    if (change.followersOnly()) {
      snapshot.staleWithin(PublicContentChanged.FOLLOWER_ORDER_LAG);
    } else {
      snapshot.drop();
    }
  }

  void otherInstances(@Observes OtherInstancesChanged change) {
    if (change.followersOnly()) {
      snapshot.staleWithin(PublicContentChanged.FOLLOWER_ORDER_LAG);
    } else {
      snapshot.trust(change.listening());
    }
  }
}
