package io.pressroom.author;

import io.pressroom.article.ArticleChanged;
import io.pressroom.delivery.KeptSnapshot;
import io.pressroom.delivery.OtherInstancesChanged;
import io.pressroom.delivery.PublicContentChanged;
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
 * one ({@link KeptSnapshot}).
 */
@ApplicationScoped
class PublicAuthorList {

  /** An author with the case-folded handle and name as PostgreSQL folds them. */
  record Listed(AuthorRef ref, String handleKey, String nameKey) {}

  private final AuthorQueries queries;
  private final KeptSnapshot<List<Listed>> snapshot = new KeptSnapshot<>();

  PublicAuthorList(AuthorQueries queries) {
    this.queries = queries;
  }

  /** Up to {@code limit} authors beginning with {@code folded}; empty while not usable. */
  Optional<List<AuthorRef>> startingWith(String folded, int limit) {
    return snapshot.get(queries::publicAuthors).map(all -> matching(all, folded, limit));
  }

  static List<AuthorRef> matching(List<Listed> all, String folded, int limit) {
    return all.stream()
        .filter(
            author -> author.handleKey().startsWith(folded) || author.nameKey().startsWith(folded))
        .limit(limit)
        .map(author -> author.ref())
        .toList();
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    // Likes, ratings and comments change only counters, not who has a public profile or how many
    // follow them.
    if (change.shown() && change.kind() != ArticleChanged.Kind.FEEDBACK) {
      snapshot.drop();
    }
  }

  /** Profiles, roles, disabled accounts and follower counts. */
  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    snapshot.drop();
  }

  void otherInstances(@Observes OtherInstancesChanged change) {
    snapshot.trust(change.listening());
  }
}
