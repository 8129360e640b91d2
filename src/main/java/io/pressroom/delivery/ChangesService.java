package io.pressroom.delivery;

import io.pressroom.article.ArticleGateway;
import io.pressroom.article.ArticleService;
import io.pressroom.article.ArticleSummary;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the changes feed. A position is (transaction id, sequence number). A change is handed out
 * only once every transaction older than the oldest still running has finished: a writer that took
 * an earlier sequence number but commits late still has a transaction id above what was handed out,
 * so it shows up in a later poll instead of being skipped. Rows of one transaction commit together,
 * so none is split. The price is a lag while some old transaction stays open.
 */
@ApplicationScoped
public class ChangesService {

  static final String CURSOR_KIND = "changes";

  private final DeliveryQueries queries;
  private final ArticleService articles;
  private final ArticleGateway gateway;
  private final CursorCodec cursors;

  ChangesService(
      DeliveryQueries queries,
      ArticleService articles,
      ArticleGateway gateway,
      CursorCodec cursors) {
    this.queries = queries;
    this.gateway = gateway;
    this.articles = articles;
    this.cursors = cursors;
  }

  /**
   * For followers inside the application (the search index): the changes after a position, in
   * order, under the same rule as {@link #since}, with nothing announced and no article read.
   */
  public List<ChangePosition> changesAfter(String txid, long seq, int limit) {
    return queries.positionsAfter(txid, seq, limit);
  }

  /** Where a follower that has read everything public now starts: the latest change it may take. */
  public ChangePosition latestPosition() {
    return queries.latestSafe();
  }

  /**
   * The changes after {@code cursor}. Not transactional: each read sees what is committed when it
   * runs, which is all the position rule needs; only announcing a scheduled article that came due
   * writes, in a transaction of its own, and only when there is one.
   */
  public ChangePage since(Optional<String> cursor, Optional<String> tag, int limit) {
    Optional<CursorCodec.Position> after = cursor.map(c -> cursors.decode(c, CURSOR_KIND, 2));
    String afterTxid = Long.toString(after.map(p -> p.nonNegativeLong(0)).orElse(0L));
    long afterSeq = after.map(p -> p.nonNegativeLong(1)).orElse(0L);
    Optional<Long> tagId = tag.map(this::requireTag);
    announceDueScheduledArticles();

    List<DeliveryQueries.Change> rows = queries.after(afterTxid, afterSeq, tagId, limit);
    if (rows.isEmpty()) {
      return new ChangePage(List.of(), cursor.orElseGet(() -> encode("0", 0)));
    }

    // The latest change of each article in the batch wins; its current state decides the item.
    Map<Long, DeliveryQueries.Change> latest = new LinkedHashMap<>();
    for (DeliveryQueries.Change change : rows) {
      latest.remove(change.articleId());
      latest.put(change.articleId(), change);
    }
    Map<Long, ArticleSummary> visible = articles.publicSummaries(new ArrayList<>(latest.keySet()));
    List<ChangeItem> items = new ArrayList<>();
    for (DeliveryQueries.Change change : latest.values()) {
      ArticleSummary summary = visible.get(change.articleId());
      // In the poller's view: readers may see it, and it has the polled tag when one is.
      boolean inView = summary != null && tag.map(slug -> hasTag(summary, slug)).orElse(true);
      if (change.leftInView() && inView) {
        items.add(ChangeItem.upsert(summary));
      } else if (!change.leftInView() && !inView) {
        items.add(ChangeItem.delete(change.slug(), change.changedAt()));
      }
      // Otherwise a later change, not yet handed out, says the opposite; it will come.
    }
    DeliveryQueries.Change last = rows.get(rows.size() - 1);
    return new ChangePage(items, encode(last.txid(), last.seq()));
  }

  /**
   * A scheduled article becomes visible with no write at its instant; the first poll after it
   * records the change. Concurrent pollers serialise on the article rows, so it is recorded once. A
   * poll with nothing due (nearly every poll) only reads.
   */
  private void announceDueScheduledArticles() {
    if (gateway.anyScheduledDue()) {
      QuarkusTransaction.requiringNew()
          .run(() -> queries.recordUpserts(gateway.settleScheduledDue()));
    }
  }

  private long requireTag(String slug) {
    return queries
        .tagId(slug)
        .orElseThrow(
            () -> ProblemException.invalidParameter("tag", "no tag has the slug '" + slug + "'"));
  }

  private static boolean hasTag(ArticleSummary summary, String slug) {
    return summary.tags().stream().anyMatch(tag -> tag.slug().equals(slug));
  }

  private String encode(String txid, long seq) {
    return cursors.encode(new CursorCodec.Position(CURSOR_KIND, List.of(txid, Long.toString(seq))));
  }
}
