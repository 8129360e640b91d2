package io.pressroom.delivery;

import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.instant;
import static io.pressroom.web.Rows.text;

import io.pressroom.article.ArticleService;
import io.pressroom.article.ArticleSummary;
import io.pressroom.article.PublicArticles;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.ProblemException;
import io.pressroom.web.SqlBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  private final EntityManager entityManager;
  private final ArticleService articles;
  private final CursorCodec cursors;

  ChangesService(EntityManager entityManager, ArticleService articles, CursorCodec cursors) {
    this.entityManager = entityManager;
    this.articles = articles;
    this.cursors = cursors;
  }

  public ChangePage since(Optional<String> cursor, Optional<String> tag, int limit) {
    List<String> after =
        cursor.map(c -> cursors.decode(c, CURSOR_KIND, 2).keys()).orElse(List.of("0", "0"));
    long afterSeq = parse(after.get(1));
    String afterTxid = Long.toString(parse(after.get(0)));
    tag.ifPresent(this::checkTag);
    announceDueScheduledArticles();

    SqlBuilder sql =
        new SqlBuilder()
            .append("select c.txid::text, c.seq, c.article_id, c.op, c.changed_at, a.slug")
            .append(" from article_changes c join articles a on a.id = c.article_id")
            .append(" where (c.txid, c.seq) > (cast(:afterTxid as xid8), :afterSeq)")
            .bind("afterTxid", afterTxid)
            .bind("afterSeq", afterSeq)
            .append(" and c.txid < pg_snapshot_xmin(pg_current_snapshot())");
    tag.ifPresent(
        slug ->
            sql.append(
                " and exists (select 1 from article_tags at join tags t on t.id = at.tag_id"
                    + " where at.article_id = c.article_id and t.slug = :tag)",
                "tag",
                slug));
    sql.append(" order by c.txid, c.seq limit :limit", "limit", limit);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.toQuery(entityManager).getResultList();
    if (rows.isEmpty()) {
      return new ChangePage(List.of(), cursor.orElseGet(() -> encode("0", 0)));
    }

    // The latest change of each article in the batch wins; its current state decides the item.
    Map<Long, Object[]> latest = new LinkedHashMap<>();
    for (Object[] row : rows) {
      latest.remove(asLong(row[2]));
      latest.put(asLong(row[2]), row);
    }
    Map<Long, ArticleSummary> visible = articles.publicSummaries(new ArrayList<>(latest.keySet()));
    List<ChangeItem> items = new ArrayList<>();
    for (Object[] row : latest.values()) {
      long id = asLong(row[2]);
      boolean upsert = "upsert".equals(row[3]);
      if (upsert && visible.containsKey(id)) {
        items.add(ChangeItem.upsert(visible.get(id)));
      } else if (!upsert && !visible.containsKey(id)) {
        items.add(ChangeItem.delete(text(row[5]), instant(row[4])));
      }
      // Otherwise a later change, not yet handed out, says the opposite; it will come.
    }
    Object[] last = rows.get(rows.size() - 1);
    return new ChangePage(items, encode(text(last[0]), asLong(last[1])));
  }

  /**
   * A scheduled article becomes visible with no write at its instant; the first poll after it
   * records the change. Concurrent pollers serialise on the article rows, so it is recorded once.
   */
  private void announceDueScheduledArticles() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "with due as (update articles a set announce_pending = false, listed ="
                            + " true where a.announce_pending and "
                            + PublicArticles.condition("a")
                            + " returning a.id) insert into article_changes (article_id, op)"
                            + " select id, 'upsert' from due")
                    .executeUpdate());
  }

  private void checkTag(String slug) {
    Number count =
        (Number)
            entityManager
                .createNativeQuery("select count(*) from tags where slug = :slug")
                .setParameter("slug", slug)
                .getSingleResult();
    if (count.longValue() == 0) {
      throw ProblemException.invalidParameter("tag", "no tag has the slug '" + slug + "'");
    }
  }

  private String encode(String txid, long seq) {
    return cursors.encode(new CursorCodec.Position(CURSOR_KIND, List.of(txid, Long.toString(seq))));
  }

  private static long parse(String value) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw CursorCodec.invalid();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw CursorCodec.invalid();
    }
  }
}
