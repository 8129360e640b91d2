package io.pressroom.delivery;

import io.pressroom.account.ApiKeyRevoked;
import io.pressroom.article.ArticleChanged;
import io.pressroom.crypto.InstanceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells every other instance what a write makes stale, with {@code pg_notify} on the writing
 * transaction's own connection: PostgreSQL delivers the message when, and only if, the transaction
 * commits, so no instance drops anything for a write that rolled back nor misses one that
 * committed. Observes the same events as {@link ResponseCache} but during the transaction, and
 * sends each distinct message once per transaction (a tag rename fires one event per article).
 * Feedback, the frequent write, is the exception: it is announced after its commit, gathered with
 * other feedback, by {@link FeedbackAnnouncer}, which says why and what that costs.
 */
@ApplicationScoped
class InvalidationNotifier {

  /** The key of this transaction's sent messages in the synchronization registry. */
  private static final Object SENT = new Object();

  /** Random per start, so that an instance knows its own messages (it applied them at commit). */
  private final String origin = InstanceSecrets.randomBase64(9);

  private final DeliveryQueries queries;
  private final TransactionSynchronizationRegistry transactions;
  private final FeedbackAnnouncer feedback;

  InvalidationNotifier(
      DeliveryQueries queries,
      TransactionSynchronizationRegistry transactions,
      FeedbackAnnouncer feedback) {
    this.queries = queries;
    this.transactions = transactions;
    this.feedback = feedback;
  }

  String origin() {
    return origin;
  }

  void articleChanged(@Observes ArticleChanged change) {
    if (change.kind() != ArticleChanged.Kind.FEEDBACK) {
      Invalidation.of(origin, change, Instant.now()).ifPresent(this::send);
    }
  }

  /** Feedback is announced after its commit, gathered with others ({@link FeedbackAnnouncer}). */
  void feedbackCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      Invalidation.of(origin, change, Instant.now())
          .map(Invalidation::encode)
          .ifPresent(feedback::queue);
    }
  }

  void contentChanged(@Observes PublicContentChanged change) {
    send(Invalidation.of(origin, change));
  }

  void discussionsChanged(@Observes DiscussionsChanged change) {
    send(Invalidation.discussions(origin));
  }

  void apiKeyRevoked(@Observes ApiKeyRevoked revoked) {
    send(Invalidation.apiKeys(origin));
  }

  private void send(Invalidation invalidation) {
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException(
          "Changes are announced inside their writing transaction, and there is none");
    }
    @SuppressWarnings("unchecked")
    Set<String> sent = (Set<String>) transactions.getResource(SENT);
    if (sent == null) {
      sent = new HashSet<>();
      transactions.putResource(SENT, sent);
    }
    String payload = invalidation.encode();
    if (sent.add(payload)) {
      queries.announce(Invalidation.CHANNEL, payload);
    }
  }
}
