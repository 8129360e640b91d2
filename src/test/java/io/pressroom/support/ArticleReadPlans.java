package io.pressroom.support;

import io.pressroom.article.ArticleGateway;
import io.pressroom.db.SqlBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What PostgreSQL plans for reading an article with {@link ArticleGateway.Extra} columns, as other
 * packages read it. The test database is too small for PostgreSQL to choose an index on its own, so
 * the plan is read with scans of whole tables discouraged, as they are on a large table.
 */
@ApplicationScoped
public class ArticleReadPlans {

  private final EntityManager entityManager;

  ArticleReadPlans(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The plan of reading the article {@code slug} with {@code extra}. */
  public String of(ArticleGateway.Extra extra, String slug) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              for (String way : List.of("seqscan", "bitmapscan")) {
                entityManager
                    .createNativeQuery("set local enable_" + way + " = off")
                    .executeUpdate();
              }
              return new SqlBuilder()
                      .append("explain (costs off) select " + extra.columns() + " from articles a")
                      .appendAll(extra.joins())
                      .append(" where a.slug = :slug", "slug", slug)
                      .read(entityManager)
                      .stream()
                      .map(row -> row.text("query plan"))
                      .collect(Collectors.joining("\n"));
            });
  }
}
