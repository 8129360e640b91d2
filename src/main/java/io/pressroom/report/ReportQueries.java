package io.pressroom.report;

import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** All the SQL of reports: editors' lists and views read by column alias, and the entity's rows. */
@ApplicationScoped
class ReportQueries {

  private static final String VIEW =
      "select r.id as id, a.slug as article_slug, a.title as article_title, r.reason as reason,"
          + " r.contact as contact, r.status as status, r.client_address as client_address,"
          + " r.created_at as created_at, r.updated_at as updated_at, h.handle as handled_by,"
          + " cast(r.created_at as text) as created_at_key"
          + " from reports r join articles a on a.id = r.article_id"
          + " left join accounts h on h.id = r.handled_by";

  private final EntityManager entityManager;

  ReportQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A report of a page with the text of its creation time for the next cursor. */
  record PageRow(ReportView view, String createdAtKey) {}

  /** A position in the list of reports: the creation time (as text) and id of the last one. */
  record Position(String createdAt, long id) {}

  long count(Optional<ReportStatus> status) {
    return new SqlBuilder()
        .append("select count(*) as total from reports r")
        .appendAll(where(status))
        .single(entityManager)
        .getLong("total");
  }

  /** Reports newest first, of one status or all, after the position {@code after}, if given. */
  List<PageRow> page(
      Optional<ReportStatus> status, Optional<Position> after, int limit, int offset) {
    SqlBuilder sql = new SqlBuilder().append(VIEW).appendAll(where(status));
    after.ifPresent(
        position ->
            sql.append(
                    " and (r.created_at, r.id) < (cast(:afterAt as timestamptz), :afterId)",
                    "afterAt",
                    position.createdAt())
                .bind("afterId", position.id()));
    sql.append(" order by r.created_at desc, r.id desc")
        .append(" limit :limit", "limit", limit)
        .append(" offset :offset", "offset", offset);
    return sql.rows(entityManager).stream()
        .map(row -> new PageRow(view(row), row.text("created_at_key")))
        .toList();
  }

  Optional<ReportView> view(long id) {
    return new SqlBuilder()
        .append(VIEW)
        .append(" where r.id = :id", "id", id)
        .first(entityManager)
        .map(ReportQueries::view);
  }

  Optional<Report> find(long id) {
    return Optional.ofNullable(entityManager.find(Report.class, id));
  }

  /** Inserts a new report at once, so that its id is known. */
  void insert(Report report) {
    entityManager.persist(report);
    entityManager.flush();
  }

  /** Writes the changes of the reports loaded here now, so that the reads that follow see them. */
  void writeChanges() {
    entityManager.flush();
  }

  private static SqlBuilder where(Optional<ReportStatus> status) {
    SqlBuilder where = new SqlBuilder().append(" where true");
    status.ifPresent(s -> where.append(" and r.status = :status", "status", s.value()));
    return where;
  }

  private static ReportView view(Row row) {
    return new ReportView(
        row.getLong("id"),
        new ReportView.ReportedArticle(row.text("article_slug"), row.text("article_title")),
        row.text("reason"),
        row.text("contact"),
        row.text("status"),
        row.text("client_address"),
        row.instant("created_at"),
        row.instant("updated_at"),
        row.text("handled_by"));
  }
}
