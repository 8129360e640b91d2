package io.pressroom.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleSearch;
import io.pressroom.article.ArticleSearchRequest;
import io.pressroom.article.ArticleService;
import io.pressroom.article.ListedPage;
import io.pressroom.article.SearchMatches;
import io.pressroom.article.SearchSource;
import io.pressroom.article.Shown;
import io.pressroom.web.CursorCodec;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.enterprise.inject.Vetoed;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets a test see a search answered as while the index is built after a start: by PostgreSQL's
 * full-text search, which the index's answers must agree with (items, order, totals, cursors).
 * {@link #install()} puts it in place of the index's search for the current test only (Quarkus
 * removes it after the test); {@link #during} answers what it runs that way, and the index answers
 * everything else as usual.
 */
@Vetoed
public final class IndexBeingBuilt extends LuceneArticleSearch {

  private static volatile boolean building;

  private IndexBeingBuilt() {
    super(
        bean(PressroomConfig.class),
        bean(SearchIndexer.class),
        bean(ArticleService.class),
        bean(SearchSource.class),
        bean(CursorCodec.class),
        bean(SearchSlots.class),
        bean(SearchedSummaries.class),
        bean(MeterRegistry.class));
  }

  /** Call from the test method (or its {@code @BeforeEach}): in force until the test ends. */
  public static void install() {
    building = false;
    QuarkusMock.installMockForType(new IndexBeingBuilt(), LuceneArticleSearch.class);
  }

  /** What {@code requests} see while the index is being built: PostgreSQL answers searches. */
  public static <T> T during(Supplier<T> requests) {
    building = true;
    try {
      return requests.get();
    } finally {
      building = false;
    }
  }

  @Override
  public Optional<Shown<ListedPage>> search(
      ArticleSearchRequest request, ArticleSearch.Order order) {
    return building ? Optional.empty() : super.search(request, order);
  }

  @Override
  public Optional<SearchMatches> matches(ArticleSearchRequest request) {
    return building ? Optional.empty() : super.matches(request);
  }

  private static <T> T bean(Class<T> type) {
    return Arc.container().instance(type).get();
  }
}
