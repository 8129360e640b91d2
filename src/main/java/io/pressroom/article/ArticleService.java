package io.pressroom.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageInfo;
import io.pressroom.web.PageRequest;
import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Listing and reading articles as a reader sees them. */
@ApplicationScoped
public class ArticleService {

  /** What an article removed between a search's two statements has left to highlight. */
  private static final ArticleSearch.Text NO_TEXT = new ArticleSearch.Text("", "", "");

  private final ArticleQueries queries;
  private final CursorCodec cursors;
  private final ObjectMapper mapper;
  private final Instance<ArticleSearch> search;
  private final DatabaseSearches databaseSearches;

  ArticleService(
      ArticleQueries queries,
      CursorCodec cursors,
      ObjectMapper mapper,
      Instance<ArticleSearch> search,
      DatabaseSearches databaseSearches) {
    this.queries = queries;
    this.cursors = cursors;
    this.mapper = mapper;
    this.search = search;
    this.databaseSearches = databaseSearches;
  }

  /** Public articles matching the client's options; {@code pathTag} scopes a tag's page. */
  public Shown<ListedPage> list(
      ArticleListParams params, Optional<String> pathTag, Optional<CurrentUser.Caller> caller) {
    PageRequest pageRequest = params.pageRequest();
    ArticleFilter filter = params.filter();
    if (pathTag.isPresent()) {
      if (!filter.tagSlugs().isEmpty()) {
        throw ProblemException.invalidParameter(
            "tag", "this listing is already scoped to the tag in its path");
      }
      filter = filter.withTags(List.of(pathTag.get()));
    }
    Optional<Shown<ListedPage>> found = searchEngine(filter, pathTag, pageRequest);
    if (found.isPresent()) {
      return found.get();
    }
    return listing(restrictForCaller(filter, caller), pageRequest, pathTag);
  }

  /**
   * A search of public articles goes to the search engine when one is there and ready (else
   * PostgreSQL's full-text search answers). The engine orders by relevance, newest or oldest first
   * itself (it keeps each article's publication); in any other order (counters, which change with
   * every like, and the last update) it says what matches and the database orders the matches.
   */
  private Optional<Shown<ListedPage>> searchEngine(
      ArticleFilter filter, Optional<String> pathTag, PageRequest pageRequest) {
    boolean searchable = filter.query().isPresent() && filter.status() == ArticleStatus.PUBLISHED;
    if (!searchable || !search.isResolvable()) {
      return Optional.empty();
    }
    ArticleSearchRequest request =
        new ArticleSearchRequest(
            filter.query().get(),
            filter.tagSlugs(),
            filter.authorHandle(),
            filter.publishedAfter(),
            filter.publishedBefore(),
            filter.updatedSince(),
            pathTag.isPresent(),
            pageRequest);
    Optional<ArticleSearch.Order> ranked = engineOrder(filter.sort());
    if (ranked.isPresent()) {
      return search.get().search(request, ranked.get());
    }
    Optional<SearchMatches> found = search.get().matches(request);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (SearchMatches matches = found.get()) {
      return Optional.of(matchesInOrder(filter.sort(), pageRequest, matches));
    }
  }

  /** The engine's own order for {@code sort}; empty when the database orders the matches. */
  private static Optional<ArticleSearch.Order> engineOrder(ArticleSort sort) {
    return switch (sort) {
      case RELEVANCE -> Optional.of(ArticleSearch.Order.RELEVANCE);
      case NEWEST -> Optional.of(ArticleSearch.Order.NEWEST);
      case OLDEST -> Optional.of(ArticleSearch.Order.OLDEST);
      default -> Optional.empty();
    };
  }

  /**
   * A page of a search's matches in an order the engine does not keep: its keys from the order's
   * index ({@link MatchesInOrder}), the summaries of those public now, the engine's highlights. Its
   * cursors are those of the same listing without the engine, so paging goes on across both.
   */
  private Shown<ListedPage> matchesInOrder(
      ArticleSort sort, PageRequest pageRequest, SearchMatches matches) {
    Optional<ArticleQueries.SortPosition> after =
        pageRequest.cursor().map(c -> position(cursors.decode(c, sort.parameter(), 2)));
    List<ArticleQueries.SortPosition> rows =
        MatchesInOrder.first(
            queries.order(sort), matches, after, pageRequest.offset(), pageRequest.fetchSize());
    List<Long> looked = rows.stream().map(ArticleQueries.SortPosition::id).toList();
    Map<Long, byte[]> visible = search.get().publicSummaries(looked);
    PageCut<ArticleQueries.SortPosition> cut =
        PageCut.of(
            rows.stream().filter(row -> visible.containsKey(row.id())).toList(),
            pageRequest,
            cursors,
            sort.parameter(),
            last -> List.of(last.key(), Long.toString(last.id())));
    List<Long> shown = cut.shown().stream().map(ArticleQueries.SortPosition::id).toList();
    return new Shown<>(
        searchedPage(
            shown.stream().map(visible::get).toList(),
            matches.highlights(shown),
            cut.info(pageRequest, matches.count())),
        looked);
  }

  /**
   * Published articles by the authors the reader follows, newest first, paged like every listing
   * and with the same fixed number of statements.
   */
  public Shown<ListedPage> followed(long accountId, PageRequest pageRequest) {
    return listing(ArticleFilter.followedBy(accountId), pageRequest, Optional.empty());
  }

  private Shown<ListedPage> listing(
      ArticleFilter filter, PageRequest pageRequest, Optional<String> pathTag) {
    ArticleSort sort = filter.sort();
    Optional<ArticleQueries.SortPosition> after =
        pageRequest.cursor().map(c -> position(cursors.decode(c, sort.parameter(), 2)));

    Supplier<ArticleQueries.Listing> read =
        () -> queries.listing(filter, after, pageRequest.fetchSize(), pageRequest.offset());
    // A search here is PostgreSQL's full-text search: seconds for a common word on a large data
    // set, so only a few at a time.
    ArticleQueries.Listing listing =
        filter.query().isPresent() ? databaseSearches.run(read) : read.get();
    ArticleQueries.ListingFacts facts = listing.facts();
    if (pathTag.isPresent() && facts.knownTags().isEmpty()) {
      throw ProblemException.notFound("No tag has the slug '" + pathTag.get() + "'.");
    }
    checkNamesExist(filter, facts);
    if (facts.total() == 0) {
      return new Shown<>(page(List.of(), new PageInfo(pageRequest.limit(), 0, null)), List.of());
    }
    List<ArticleQueries.Listed> rows = listing.rows();
    PageCut<ArticleQueries.Listed> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            sort.parameter(),
            last -> List.of(last.sortKey(), Long.toString(last.id())));
    List<ArticleQueries.Listed> shown = cut.shown();
    PageInfo info = cut.info(pageRequest, facts.total());
    List<Long> looked = rows.stream().map(ArticleQueries.Listed::id).toList();
    if (filter.query().isEmpty()) {
      return new Shown<>(
          page(shown.stream().map(ArticleQueries.Listed::item).toList(), info), looked);
    }
    // A search PostgreSQL answered carries highlights as the engine's answers do: one statement
    // more for the page's texts, marked without the index.
    Map<Long, ArticleSearch.Text> texts =
        queries.texts(shown.stream().map(ArticleQueries.Listed::id).toList());
    List<SearchHighlight> highlights =
        search
            .get()
            .highlights(
                filter.query().get(),
                // An article removed since the listing read it has nothing left to mark.
                shown.stream().map(row -> texts.getOrDefault(row.id(), NO_TEXT)).toList());
    return new Shown<>(
        searchedPage(
            shown.stream().map(row -> ListingJson.item(row.item())).toList(), highlights, info),
        looked);
  }

  /** The page's JSON: the kept summaries as they are, the page information through Jackson. */
  private ListedPage page(List<ListingJson.Item> items, PageInfo info) {
    return new ListedPage(ListingJson.page(items, jsonBytes(info)), info.next());
  }

  /**
   * The article page as this caller may see it: published articles for everyone, unpublished ones
   * for their author and for editors; 404 otherwise, and 410 once deleted.
   */
  public VersionedDetail detail(String slug, Optional<CurrentUser.Caller> caller) {
    ArticleQueries.StoredArticle article =
        ArticleGateway.require(
            queries.bySlug(slug),
            ArticleGateway.notFoundMessage(slug),
            ArticleQueries.StoredArticle::deleted,
            a -> a.isPublic() || caller.map(c -> Article.editableBy(a.authorId(), c)).orElse(false),
            a -> slug);
    ArticleDetail.Viewer viewer =
        caller
            .map(c -> queries.viewer(article.id(), article.authorId(), c.accountId()))
            .orElse(null);
    return new VersionedDetail(
        toDetail(article, viewer),
        article.isPublic() ? toDetail(article, null) : null,
        article.version(),
        article.id(),
        article.authorId());
  }

  /**
   * The reader's own state on an article page kept for everyone (see {@code ResponseCacheFilter}):
   * one statement on indexes (likes and ratings by article and account, follows by follower).
   */
  public ArticleDetail.Viewer viewer(long articleId, long authorId, long accountId) {
    return queries.viewer(articleId, authorId, accountId);
  }

  /**
   * The summaries of those of these articles that readers may see now, by id: each one's JSON
   * (UTF-8, counters included) as listings send it, from the kept summaries, of which the caller
   * already has those of the articles in {@code known} ({@link PublicSummaryJson#kept}): of those
   * only the counters are read.
   */
  public Map<Long, PublicSummaryJson> publicSummaryJson(List<Long> ids, Map<Long, byte[]> known) {
    return queries.publicSummaries(ids, known);
  }

  /**
   * A page of search results as it is sent: these summaries ({@link #publicSummaryJson}) in order,
   * each with its highlight, and the page information.
   */
  public ListedPage searchedPage(
      List<byte[]> summaries, List<SearchHighlight> highlights, PageInfo info) {
    return new ListedPage(
        ListingJson.searched(summaries, highlights, jsonBytes(info)), info.next());
  }

  /**
   * Summaries of those of these articles that readers may see now, by id, read from the kept
   * summaries as listings send them.
   */
  public Map<Long, ArticleSummary> publicSummaries(List<Long> ids) {
    Map<Long, ArticleSummary> summaries = new HashMap<>();
    queries
        .publicSummaries(ids)
        .forEach((id, json) -> summaries.put(id, read(json, ArticleSummary.class)));
    return summaries;
  }

  /**
   * The slug and title of those of these articles that readers may see now, by id: what a
   * suggestion shows, without reading and parsing whole summaries.
   */
  public Map<Long, ArticleTitle> publicTitles(List<Long> ids) {
    return queries.publicTitles(ids);
  }

  /**
   * An article page with the version of its editable state, for entity tags; {@code publicDetail}
   * is the page as everyone sees it (no {@code viewer}) when the article is public, else null.
   */
  public record VersionedDetail(
      ArticleDetail detail,
      ArticleDetail publicDetail,
      long version,
      long articleId,
      long authorId) {
    public String versionTag() {
      return Article.versionTag(version);
    }
  }

  private byte[] jsonBytes(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(byte[] json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("Could not read a kept " + type.getSimpleName(), e);
    }
  }

  private static ArticleDetail toDetail(
      ArticleQueries.StoredArticle article, ArticleDetail.Viewer viewer) {
    ArticleSummary s = article.summary();
    return new ArticleDetail(
        s.slug(),
        s.title(),
        s.summary(),
        s.author(),
        s.tags(),
        s.publishedAt(),
        s.updatedAt(),
        s.readingMinutes(),
        s.coverImageUrl(),
        s.stats(),
        article.status().value(),
        article.body(),
        article.html(),
        article.referenceUrl(),
        new ArticleDetail.Source(article.hasSource(), article.sourcePublisher()),
        new ArticleDetail.Republication(article.republicationNotice()),
        viewer);
  }

  private static void checkNamesExist(ArticleFilter filter, ArticleQueries.ListingFacts facts) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String slug : filter.tagSlugs()) {
      if (!facts.knownTags().contains(slug)) {
        errors.add(new Problem.FieldError("tag", "no tag has the slug '" + slug + "'"));
      }
    }
    if (!facts.authorKnown()) {
      errors.add(
          new Problem.FieldError(
              "author", "no author has the handle '" + filter.authorHandle().orElse("") + "'"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION, "The filters name a tag or author that does not exist.", errors);
    }
  }

  private static ArticleQueries.SortPosition position(CursorCodec.Position keys) {
    return new ArticleQueries.SortPosition(keys.text(0), keys.longKey(1));
  }

  /** Unpublished articles are for authors (their own) and editors (all); nobody else. */
  private static ArticleFilter restrictForCaller(
      ArticleFilter filter, Optional<CurrentUser.Caller> caller) {
    if (filter.status() == ArticleStatus.PUBLISHED) {
      return filter;
    }
    CurrentUser.Caller who = caller.orElseThrow(UnauthorizedException::new);
    if (who.is(Role.EDITOR)) {
      return filter;
    }
    if (who.is(Role.AUTHOR)) {
      return filter.restrictedTo(who.accountId());
    }
    throw ProblemException.forbidden("Only authors and editors may list unpublished articles.");
  }
}
