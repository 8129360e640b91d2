package io.pressroom.tag;

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
 * This instance's copy of the tags with public articles, most used first (as {@link
 * TagQueries#startingWith} orders them), for suggestions while typing without a statement. Counted
 * as a tag's own answer counts, so it holds until the next scheduled publication; dropped when a
 * write here commits and when another instance announces one ({@link KeptSnapshot}).
 */
@ApplicationScoped
class PublicTags {

  /** A tag with public articles, with its case-folded name as PostgreSQL folds it. */
  record Counted(String slug, String name, String nameKey) {}

  private final TagQueries queries;
  private final KeptSnapshot<PrefixIndex<Counted>> snapshot = new KeptSnapshot<>();

  PublicTags(TagQueries queries) {
    this.queries = queries;
  }

  /** Up to {@code limit} tags beginning with {@code folded}; empty while the copy is not usable. */
  Optional<List<TagRef>> startingWith(String folded, int limit) {
    return snapshot
        .get(
            () ->
                queries
                    .publicTags()
                    .map(all -> PrefixIndex.of(all, tag -> List.of(tag.slug(), tag.nameKey()))))
        .map(
            all ->
                all.first(folded, limit).stream()
                    .map(tag -> new TagRef(tag.slug(), tag.name()))
                    .toList());
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    // Likes, ratings and comments change only counters, not which tags have public articles.
    if (change.changesListings()) {
      snapshot.drop();
    }
  }

  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    if (!change.followersOnly()) {
      snapshot.drop();
    }
  }

  void otherInstances(@Observes OtherInstancesChanged change) {
    if (!change.followersOnly()) {
      snapshot.trust(change.listening());
    }
  }
}
