package io.pressroom.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleSearch;
import io.pressroom.article.ArticleSearchRequest;
import io.pressroom.article.ArticleService;
import io.pressroom.article.ListedPage;
import io.pressroom.article.SearchHighlight;
import io.pressroom.article.SearchMatches;
import io.pressroom.article.SearchSource;
import io.pressroom.article.Shown;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageInfo;
import io.pressroom.web.PageRequest;
import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Answers readers' searches from this instance's Lucene index: the index finds and orders the ids
 * of a page and cuts their highlights from the text it stores, PostgreSQL says which of them are
 * public now and gives their counters and the summaries this instance has no copy of ({@link
 * SearchedSummaries}, which with the response cache on also keeps them with their counters, as kept
 * answers are), so an article taken down is never shown once that is announced, however far the
 * index lags. A page so takes at most one statement, two with a tag or author filter. For the
 * orders the index does not keep (likes, rating, comments, recently updated) it hands every match
 * to the listing, which orders them in the database ({@link #matches}).
 */
@ApplicationScoped
class LuceneArticleSearch implements ArticleSearch {

  private final PressroomConfig.Search config;
  private final SearchIndexer indexer;
  private final ArticleService articles;
  private final SearchSource source;
  private final CursorCodec cursors;
  private final SearchSlots slots;
  private final SearchedSummaries summaries;
  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());
  private final Highlights highlights = new Highlights(SearchFields.analyzer());
  private final TextHighlights textHighlights = new TextHighlights(queries, highlights);
  private final Timer timer;

  LuceneArticleSearch(
      PressroomConfig config,
      SearchIndexer indexer,
      ArticleService articles,
      SearchSource source,
      CursorCodec cursors,
      SearchSlots slots,
      SearchedSummaries summaries,
      MeterRegistry meters) {
    this.config = config.search();
    this.indexer = indexer;
    this.articles = articles;
    this.source = source;
    this.cursors = cursors;
    this.slots = slots;
    this.summaries = summaries;
    this.timer =
        Timer.builder("pressroom.search.index.duration")
            .description("Time the search index takes to find a page of results")
            .publishPercentileHistogram()
            .register(meters);
  }

  @Override
  public Optional<Shown<ListedPage>> search(
      ArticleSearchRequest request, ArticleSearch.Order order) {
    SearchIndex index = indexer.readyIndex();
    if (config.engine() != PressroomConfig.SearchEngine.LUCENE || index == null) {
      return Optional.empty();
    }
    indexer.awaitWritesHere();
    PageRequest page = request.page();
    Optional<SearchPage.After> after =
        page.cursor().map(c -> SearchPage.After.of(order, position(c, order)));
    SearchPage.Filters filters = filters(request);
    IndexSearcher searcher = acquire(index);
    try {
      Query words = queries.articles(request.query(), IndexTerms.words(searcher.getIndexReader()));
      if (words == null) {
        return Optional.of(
            new Shown<>(
                articles.searchedPage(List.of(), List.of(), new PageInfo(page.limit(), 0, null)),
                List.of()));
      }
      Ranked ranked =
          slots.run(
              () -> {
                long started = System.nanoTime();
                // Prefixes rewritten once to the words they stand for (a walk of the terms): the
                // search and the snippets, which mark those words from postings, share the result.
                Query rewritten = searcher.rewrite(words);
                SearchPage.Hits found =
                    SearchPage.find(
                        searcher,
                        rewritten,
                        filters,
                        order,
                        after,
                        page.offset(),
                        page.fetchSize(),
                        true);
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                // The snippets of the page in the same turn: cut while the postings and texts the
                // search just read are still in the processor's caches, and without sharing the
                // cores with every other search's snippets at once.
                Query marked = queries.marked(rewritten, request.query());
                int onPage = Math.min(page.limit(), found.hits().size());
                SearchHighlight[] snippets =
                    highlights.highlights(searcher, marked, docs(found.hits().subList(0, onPage)));
                return new Ranked(marked, found, snippets);
              });
      SearchPage.Hits hits = ranked.hits();
      List<Long> found = hits.ids();
      Map<Long, byte[]> visible = summaries.publicSummaries(found);
      List<SearchPage.Hit> shown = new ArrayList<>();
      List<SearchHighlight> marked = new ArrayList<>();
      for (int i = 0; i < hits.hits().size() && shown.size() <= page.limit(); i++) {
        SearchPage.Hit hit = hits.hits().get(i);
        if (visible.containsKey(hit.id())) {
          shown.add(hit);
          marked.add(i < ranked.snippets().length ? ranked.snippets()[i] : null);
        }
      }
      boolean more = shown.size() > page.limit();
      if (more) {
        shown = shown.subList(0, page.limit());
        marked = marked.subList(0, page.limit());
      }
      List<Integer> unmarked = new ArrayList<>();
      for (int at = 0; at < marked.size(); at++) {
        if (marked.get(at) == null) {
          unmarked.add(at);
        }
      }
      if (!unmarked.isEmpty()) {
        // An article of the page was taken down since the index heard of it: one after the page
        // takes its place, and its snippet is cut now.
        SearchHighlight[] late =
            highlights.highlights(
                searcher, ranked.marked(), docs(unmarked.stream().map(shown::get).toList()));
        for (int i = 0; i < unmarked.size(); i++) {
          marked.set(unmarked.get(i), late[i]);
        }
      }
      List<byte[]> items = shown.stream().map(hit -> visible.get(hit.id())).toList();
      String next =
          more
              ? cursors.encode(
                  new CursorCodec.Position(
                      order.cursorKind(), shown.get(shown.size() - 1).cursorKeys(order)))
              : null;
      return Optional.of(
          new Shown<>(
              articles.searchedPage(
                  items,
                  marked,
                  new PageInfo(page.limit(), hits.total(), next, !hits.totalIsLowerBound())),
              found));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(index, searcher);
    }
  }

  @Override
  public Optional<SearchMatches> matches(ArticleSearchRequest request) {
    SearchIndex index = indexer.readyIndex();
    if (config.engine() != PressroomConfig.SearchEngine.LUCENE || index == null) {
      return Optional.empty();
    }
    indexer.awaitWritesHere();
    SearchPage.Filters filters = filters(request);
    IndexSearcher searcher = acquire(index);
    try {
      Query words = queries.articles(request.query(), IndexTerms.words(searcher.getIndexReader()));
      long searched = searcher.getIndexReader().numDocs();
      if (words == null) {
        return Optional.of(
            new LuceneMatches(index, searcher, null, AllMatches.none(searcher), searched));
      }
      LuceneMatches matches =
          slots.run(
              () -> {
                long started = System.nanoTime();
                Query rewritten = searcher.rewrite(words);
                AllMatches all =
                    AllMatches.of(
                        searcher,
                        SearchPage.withFilters(rewritten, filters, searcher.getIndexReader()));
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return new LuceneMatches(
                    index, searcher, queries.marked(rewritten, request.query()), all, searched);
              });
      return Optional.of(matches);
    } catch (IOException e) {
      release(index, searcher);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      release(index, searcher);
      throw e;
    }
  }

  @Override
  public Map<Long, byte[]> publicSummaries(List<Long> ids) {
    return summaries.publicSummaries(ids);
  }

  /** The matches of {@link #matches}, holding the searcher that found them until closed. */
  private final class LuceneMatches implements SearchMatches {

    private final SearchIndex index;
    private final IndexSearcher searcher;
    private final Query marked;
    private final AllMatches all;
    private final long searched;

    LuceneMatches(
        SearchIndex index, IndexSearcher searcher, Query marked, AllMatches all, long searched) {
      this.index = index;
      this.searcher = searcher;
      this.marked = marked;
      this.all = all;
      this.searched = searched;
    }

    @Override
    public long count() {
      return all.count();
    }

    @Override
    public long searched() {
      return searched;
    }

    @Override
    public long[] ids() {
      try {
        return all.ids();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean[] match(long[] ids) {
      try {
        return all.match(ids);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<SearchHighlight> highlights(List<Long> ids) {
      if (ids.isEmpty()) {
        return List.of();
      }
      try {
        return List.of(highlights.highlights(searcher, marked, all.docs(ids)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      release(index, searcher);
    }
  }

  @Override
  public List<SearchHighlight> highlights(String query, List<Text> texts) {
    return textHighlights.highlights(query, texts);
  }

  /**
   * Where a cursor of {@code order} stands; newest first also reads the cursors it issued before it
   * took the database's, so that a reader paging across the upgrade goes on.
   */
  private CursorCodec.Position position(String cursor, ArticleSearch.Order order) {
    int keys = SearchPage.cursorKeyCount(order);
    return order == ArticleSearch.Order.NEWEST
        ? cursors.decode(
            cursor,
            order.cursorKind(),
            keys,
            ArticleSearch.Order.OLD_NEWEST_CURSOR_KIND,
            SearchPage.cursorKeyCount(ArticleSearch.Order.RELEVANCE))
        : cursors.decode(cursor, order.cursorKind(), keys);
  }

  /**
   * A search's page of hits, what its snippets mark (its query as the index rewrote it, {@link
   * SearchQueries#marked}), and the snippets of the hits up to the page's size.
   */
  private record Ranked(Query marked, SearchPage.Hits hits, SearchHighlight[] snippets) {}

  private static int[] docs(List<SearchPage.Hit> hits) {
    return hits.stream().mapToInt(SearchPage.Hit::doc).toArray();
  }

  private static IndexSearcher acquire(SearchIndex index) {
    try {
      return index.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void release(SearchIndex index, IndexSearcher searcher) {
    try {
      index.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The request's filters as the index keeps them (ids). A name nobody has is a 400 problem, but
   * for the tag of a tag's own page, which is a 404 as the page is without {@code q}.
   */
  private SearchPage.Filters filters(ArticleSearchRequest request) {
    SearchSource.FilterIds ids = filterIds(request);
    return new SearchPage.Filters(
        request.tagSlugs().stream().map(ids.tags()::get).toList(),
        ids.author(),
        request.publishedAfter(),
        request.publishedBefore(),
        request.updatedSince(),
        Instant.now());
  }

  private SearchSource.FilterIds filterIds(ArticleSearchRequest request) {
    if (request.tagSlugs().isEmpty() && request.authorHandle().isEmpty()) {
      return new SearchSource.FilterIds(Map.of(), Optional.empty());
    }
    SearchSource.FilterIds ids = source.filterIds(request.tagSlugs(), request.authorHandle());
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String slug : request.tagSlugs()) {
      if (!ids.tags().containsKey(slug) && request.tagInPath()) {
        throw ProblemException.notFound("No tag has the slug '" + slug + "'.");
      }
      if (!ids.tags().containsKey(slug)) {
        errors.add(new Problem.FieldError("tag", "no tag has the slug '" + slug + "'"));
      }
    }
    if (request.authorHandle().isPresent() && ids.author().isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "author", "no author has the handle '" + request.authorHandle().get() + "'"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION, "The filters name a tag or author that does not exist.", errors);
    }
    return ids;
  }
}
