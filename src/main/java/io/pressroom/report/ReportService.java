package io.pressroom.report;

import io.pressroom.account.CurrentUser;
import io.pressroom.article.ArticleGateway;
import io.pressroom.db.Rows;
import io.pressroom.db.Timestamps;
import io.pressroom.report.ReportQueries.PageRow;
import io.pressroom.report.ReportQueries.Position;
import io.pressroom.web.ClientAddress;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageInfo;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Takedown and abuse reports: anyone files them about a published article, editors handle them. */
@ApplicationScoped
public class ReportService {

  static final int MIN_REASON_LENGTH = 10;
  static final int MAX_REASON_LENGTH = 2000;
  static final int MAX_CONTACT_LENGTH = 254;
  private static final String CURSOR_SORT = "reports";

  private final ReportQueries queries;
  private final ReportThrottle throttle;
  private final CursorCodec cursors;
  private final ArticleGateway articles;

  ReportService(
      ReportQueries queries,
      ReportThrottle throttle,
      CursorCodec cursors,
      ArticleGateway articles) {
    this.queries = queries;
    this.articles = articles;
    this.throttle = throttle;
    this.cursors = cursors;
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
    long articleId = articles.requireVisible(slug).id();
    String contact =
        request.contact() == null || request.contact().isBlank() ? null : request.contact().strip();
    Report report = Report.filed(articleId, reason, contact, clientAddress, now());
    queries.insert(report);
    return new ReportReceipt(
        report.id(), slug, report.status().value(), Rows.instant(report.createdAt()));
  }

  /** Reports newest first, of one status or all; for editors. */
  public ReportPage list(Optional<ReportStatus> status, PageRequest pageRequest) {
    Optional<Position> after = pageRequest.cursor().map(this::position);
    long total = queries.count(status);
    if (total == 0) {
      return new ReportPage(List.of(), new PageInfo(pageRequest.limit(), 0, null));
    }
    List<PageRow> rows = queries.page(status, after, pageRequest.fetchSize(), pageRequest.offset());
    PageCut<PageRow> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            CURSOR_SORT,
            last -> List.of(last.createdAtKey(), Long.toString(last.view().id())));
    return new ReportPage(
        cut.shown().stream().map(PageRow::view).toList(), cut.info(pageRequest, total));
  }

  public ReportView get(long id) {
    return queries.view(id).orElseThrow(() -> notFound(id));
  }

  /** Sets a report's status; the editor who does it becomes its handler. */
  @Transactional
  public ReportView changeStatus(CurrentUser.Caller editor, long id, ReportStatus status) {
    Report report = queries.find(id).orElseThrow(() -> notFound(id));
    report.handle(status, editor.accountId(), now());
    queries.writeChanges();
    return get(id);
  }

  private Position position(String cursor) {
    CursorCodec.Position keys = cursors.decode(cursor, CURSOR_SORT, 2);
    return new Position(keys.text(0), keys.longKey(1));
  }

  private static ProblemException notFound(long id) {
    return ProblemException.notFound("No report has the id " + id + ".");
  }

  /** Timestamps are stored to the microsecond, as PostgreSQL keeps them. */
  private static Instant now() {
    return Timestamps.now();
  }
}
