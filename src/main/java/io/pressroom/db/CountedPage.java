package io.pressroom.db;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/**
 * A page of rows and the count of every row it pages through, read by one statement. Read by two,
 * the count and the page saw two snapshots of the database: a write between them made the total
 * disagree with the page (a tag created after the count and listed on the page), and each page cost
 * a second round trip. The count is a row of its own that the page is joined to, so an empty page
 * (past the end) still answers it.
 */
public record CountedPage<T>(long total, List<T> rows) {

  /**
   * Runs {@code page} (ordered, limited) joined to {@code count} (one row, a column {@code total});
   * {@code order} is the page's order again, on the alias {@code x} (a join keeps no order), and
   * {@code key} a column no row of the page has null, which tells an empty page's row.
   */
  public static CountedPage<Row> read(
      EntityManager entityManager, String count, SqlBuilder page, String order, String key) {
    List<Row> rows =
        new SqlBuilder()
            .append("select c.total as total, x.* from (" + count + ") c left join (")
            .appendAll(page)
            .append(") x on true order by " + order)
            .rows(entityManager);
    long total = rows.isEmpty() ? 0 : rows.get(0).getLong("total");
    return new CountedPage<>(total, rows.stream().filter(row -> !row.isNull(key)).toList());
  }

  /** The same page with each row read as {@code item} reads it. */
  public <U> CountedPage<U> map(Function<T, U> item) {
    return new CountedPage<>(total, rows.stream().map(item).toList());
  }
}
