package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.article.SearchSource;
import io.pressroom.delivery.ChangesService;
import io.pressroom.delivery.SearchAnswersChanged;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.RecordedLogs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The indexer's own thread through a build, a failed build, a rebuild and a stop. Stopping an
 * instance while its search index is busy (here: building, its read of the articles held up by a
 * lock) lets the index finish and commit instead of interrupting it: an interrupt during the
 * index's file writes closes its writer, and the work since the last commit is lost.
 */
@QuarkusTest
class SearchIndexerLifecycleTest {

  @Inject PressroomConfig config;
  @Inject SearchSource source;
  @Inject ChangesService changes;
  @Inject Event<SearchAnswersChanged> answersChanged;
  @Inject DataSource dataSource;
  @Inject Fixtures fixtures;

  @Test
  void aStopWhileTheIndexIsBusyLeavesItCommittedAndClosed() throws Exception {
    Path directory = Files.createTempDirectory("pressroom-search-stop-");
    SearchIndexer indexer =
        new SearchIndexer(
            withIndexIn(directory), source, changes, answersChanged, new SimpleMeterRegistry());
    Thread stopper = new Thread(() -> indexer.onStop(null), "test-stopper");
    try (Connection locker = dataSource.getConnection()) {
      locker.setAutoCommit(false);
      try (Statement statement = locker.createStatement()) {
        statement.execute("lock table articles in access exclusive mode");
      }
      indexer.onStart(null);
      // The index's build waits for the lock, in its database read (which no interrupt ends).
      Eventually.within(Duration.ofSeconds(10), this::waitingForLocks, waiting -> waiting > 0);
      stopper.start();
      Eventually.within(
          Duration.ofSeconds(10), stopper::getState, state -> state == Thread.State.TIMED_WAITING);
      locker.commit();
    }
    stopper.join(20_000);

    assertThat(stopper.isAlive()).isFalse();
    try (SearchIndex reopened = SearchIndex.open(directory)) {
      assertThat(reopened.resumePoint()).as("a commit with its place in the feed").isPresent();
    }
  }

  @Test
  void aBuildThatFailsIsTriedAgainAndThenAnswers() throws Exception {
    fixtures.article(fixtures.author()).create();
    Path directory = Files.createTempDirectory("pressroom-search-retry-");
    SearchIndexer indexer =
        new SearchIndexer(
            withIndexIn(directory), source, changes, answersChanged, new SimpleMeterRegistry());
    try {
      try (Connection locker = dataSource.getConnection()) {
        locker.setAutoCommit(false);
        try (Statement statement = locker.createStatement()) {
          statement.execute("lock table articles in access exclusive mode");
        }
        indexer.onStart(null);
        // The build's read of the articles waits for the lock: cancelled, the build fails with its
        // index writer open. The retry (2 s later) waits for the lock again, until it is released.
        Eventually.within(Duration.ofSeconds(10), this::cancelBuildRead, cancelled -> cancelled);
        Eventually.within(Duration.ofSeconds(10), this::waitingForLocks, waiting -> waiting > 0);
        locker.commit();
      }
      Eventually.within(Duration.ofSeconds(20), indexer::ready, ready -> ready);

      long visible = QuarkusTransaction.requiringNew().call(source::publicCount);
      assertThat(indexer.readyIndex().searchableDocuments()).isEqualTo(visible).isPositive();
    } finally {
      indexer.onStop(null);
    }
  }

  @Test
  void anIndexThatDoesNotMatchItsDatabaseIsBuiltAgainAndMergedBeforeItAnswers() throws Exception {
    fixtures.article(fixtures.author()).create();
    Path directory = Files.createTempDirectory("pressroom-search-rebuild-");
    IndexOfAnotherDatabase.writeIn(directory);
    RecordedLogs warnings = RecordedLogs.of(SearchIndexer.class, Level.WARNING);
    SearchIndexer indexer =
        new SearchIndexer(
            withIndexIn(directory), source, changes, answersChanged, new SimpleMeterRegistry());
    try {
      indexer.onStart(null);
      Eventually.within(Duration.ofSeconds(20), indexer::ready, ready -> ready);

      long visible = QuarkusTransaction.requiringNew().call(source::publicCount);
      assertThat(indexer.readyIndex().searchableDocuments()).isEqualTo(visible).isPositive();
      assertThat(indexer.readyIndex().mergeOwed()).as("merged before it answered").isFalse();
      assertThat(warnings.records())
          .as("built again (one warning), not failed and retried")
          .singleElement()
          .satisfies(warning -> assertThat(warning.getThrown()).isNull());
    } finally {
      warnings.close();
      indexer.onStop(null);
    }
  }

  /** Cancels the build's read of the articles if it is waiting for a lock now. */
  private boolean cancelBuildRead() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) filter (where pg_cancel_backend(pid)) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like '%order by a.id limit%'")) {
      rows.next();
      return rows.getLong(1) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How many reads of a build (by their statement, {@code SearchSource#publicDocumentsAfter}) wait
   * for a lock. Only those: the application's own background work (its index's poll of the clock's
   * publications, for one) also waits behind the test's lock, and counting it let the stop begin
   * before the build's read had, so that the build saw it and ended at once.
   */
  private long waitingForLocks() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like '%order by a.id limit%'")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The application's configuration, with the index in {@code directory}. */
  private PressroomConfig withIndexIn(Path directory) {
    PressroomConfig.Search search = config.search();
    PressroomConfig.Search own =
        delegating(
            PressroomConfig.Search.class,
            search,
            method ->
                switch (method) {
                  case "engine" -> Optional.of(PressroomConfig.SearchEngine.LUCENE);
                  case "indexDirectory" -> Optional.of(Optional.of(directory.toString()));
                  default -> Optional.empty();
                });
    return delegating(
        PressroomConfig.class,
        config,
        method -> method.equals("search") ? Optional.of(own) : Optional.empty());
  }

  /** {@code target}, but for the methods {@code overrides} answers (by name). */
  private static <T> T delegating(
      Class<T> type, T target, Function<String, Optional<Object>> overrides) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Optional<Object> own = overrides.apply(method.getName());
              if (own.isPresent()) {
                return own.get();
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
