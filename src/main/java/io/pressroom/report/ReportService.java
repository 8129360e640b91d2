package io.pressroom.report;

import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.instant;
import static io.pressroom.web.Rows.text;

import io.pressroom.account.CurrentUser;
import io.pressroom.article.ArticleGateway;
import io.pressroom.web.ClientAddress;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageInfo;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.pressroom.web.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Takedown and abuse reports: anyone files them about a published article, editors handle them. */
@ApplicationScoped
public class ReportService {

  static final int MIN_REASON_LENGTH = 10;
  static final int MAX_REASON_LENGTH = 2000;
  static final int MAX_CONTACT_LENGTH = 254;
  private static final String CURSOR_SORT = "reports";
  private static final String COLUMNS =
      "r.id, a.slug, a.title, r.reason, r.contact, r.status, r.client_address, r.created_at,"
          + " r.updated_at, h.handle, cast(r.created_at as text)";
  private static final String FROM =
      " from reports r join articles a on a.id = r.article_id"
          + " left join accounts h on h.id = r.handled_by";

  private final ReportThrottle throttle;
  private final CursorCodec cursors;
  private final EntityManager entityManager;
  private final ArticleGateway articles;

  ReportService(
      ReportThrottle throttle,
      CursorCodec cursors,
      EntityManager entityManager,
      ArticleGateway articles) {
    this.articles = articles;
    this.throttle = throttle;
    this.cursors = cursors;
    this.entityManager = entityManager;
  }

  /**
   * Files a report about the published article {@code slug}; throttled per client address (an IPv6
   * /64), which is kept in full with the report.
   */
  @Transactional
  public ReportReceipt file(String slug, ReportRequest request, String clientAddress) {
    String reason = request.reason().strip();
    if (reason.length() < MIN_REASON_LENGTH) {
      throw ProblemException.invalidField(
          "reason", "size must be between " + MIN_REASON_LENGTH + " and " + MAX_REASON_LENGTH);
    }
    throttle.acquire(ClientAddress.group(clientAddress));
    long articleId = articles.requireVisible(slug, ArticleGateway.Lock.NONE).id();
    String contact =
        request.contact() == null || request.contact().isBlank() ? null : request.contact().strip();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long id =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into reports (article_id, reason, contact, client_address,"
                            + " created_at, updated_at) values (:article, :reason, :contact,"
                            + " :address, :now, :now) returning id")
                    .setParameter("article", articleId)
                    .setParameter("reason", reason)
                    .setParameter("contact", contact)
                    .setParameter("address", clientAddress)
                    .setParameter("now", now)
                    .getSingleResult())
            .longValue();
    return new ReportReceipt(id, slug, "open", instant(now));
  }

  /** Reports newest first, of one status or all; for editors. */
  public ReportPage list(Optional<String> status, PageRequest pageRequest) {
    Optional<List<String>> after =
        pageRequest.cursor().map(c -> cursors.decode(c, CURSOR_SORT, 2).keys());
    long afterId = after.map(keys -> parseId(keys.get(1))).orElse(0L);
    SqlBuilder where = new SqlBuilder().append(" where true");
    status.ifPresent(s -> where.append(" and r.status = :status", "status", s));
    long total =
        asLong(
            new SqlBuilder()
                .append("select count(*) from reports r")
                .appendAll(where)
                .toQuery(entityManager)
                .getSingleResult());
    if (total == 0) {
      return new ReportPage(List.of(), new PageInfo(pageRequest.limit(), 0, null));
    }
    SqlBuilder sql = new SqlBuilder().append("select " + COLUMNS + FROM).appendAll(where);
    after.ifPresent(
        keys ->
            sql.append(
                    " and (r.created_at, r.id) < (cast(:afterAt as timestamptz), :afterId)",
                    "afterAt",
                    keys.get(0))
                .bind("afterId", afterId));
    sql.append(" order by r.created_at desc, r.id desc")
        .append(" limit :limit", "limit", pageRequest.fetchSize())
        .append(" offset :offset", "offset", pageRequest.offset());
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.toQuery(entityManager).getResultList();
    PageCut<Object[]> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            CURSOR_SORT,
            last -> List.of(text(last[10]), Long.toString(asLong(last[0]))));
    List<ReportView> items = new ArrayList<>(cut.shown().size());
    cut.shown().forEach(row -> items.add(view(row)));
    return new ReportPage(items, cut.info(pageRequest, total));
  }

  public ReportView get(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + COLUMNS + FROM + " where r.id = :id")
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No report has the id " + id + ".");
    }
    return view(rows.get(0));
  }

  /** Sets a report's status; the editor who does it becomes its handler. */
  @Transactional
  public ReportView changeStatus(CurrentUser.Caller editor, long id, ReportStatusChange change) {
    int updated =
        entityManager
            .createNativeQuery(
                "update reports set status = :status, updated_at = :now, handled_by = :editor"
                    + " where id = :id")
            .setParameter("status", change.status())
            .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
            .setParameter("editor", editor.accountId())
            .setParameter("id", id)
            .executeUpdate();
    if (updated == 0) {
      throw ProblemException.notFound("No report has the id " + id + ".");
    }
    return get(id);
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw CursorCodec.invalid();
    }
  }

  private static ReportView view(Object[] row) {
    return new ReportView(
        asLong(row[0]),
        new ReportView.ReportedArticle(text(row[1]), text(row[2])),
        text(row[3]),
        text(row[4]),
        text(row[5]),
        text(row[6]),
        instant(row[7]),
        instant(row[8]),
        text(row[9]));
  }
}
