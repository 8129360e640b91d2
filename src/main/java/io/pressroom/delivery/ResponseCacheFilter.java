package io.pressroom.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.PressroomConfig;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.RememberedCallers;
import io.pressroom.article.ArticleDetail;
import io.pressroom.article.ArticleService;
import io.pressroom.author.AuthorService;
import io.pressroom.web.CachePolicy;
import io.pressroom.web.Credentials;
import io.pressroom.web.EntityTags;
import io.pressroom.web.ProblemMappers;
import io.pressroom.web.Representations;
import io.pressroom.web.ResponseDependencies;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serves hot GETs from {@link ResponseCache} and keeps what it did not have. Only public answers
 * are kept, as an anonymous client gets them, and every caller shares them: an aggregator's key
 * once recognised, and a signed-in reader once authenticated (the same 401 as elsewhere for a token
 * that fails). A signed-in reader's miss keeps its public part too ({@link #anonymousAnswer}), so
 * that signed-in readers alone keep the cache warm. The answers that differ for a signed-in reader
 * get the reader's own state added to the kept bytes: the article page ({@link #withViewer}), and
 * authors' answers, whether the reader follows each author ({@link #authorsFor}). A shared answer
 * to an identified caller is marked private by {@link EdgeCacheHeaders#mark}, as every answer to
 * one is.
 */
public class ResponseCacheFilter {

  static final String CACHE_HEADER = "X-Cache";
  private static final String STAMP = "pressroom.cache-stamp";
  private static final String KEY = "pressroom.cache-key";
  private static final String SIGNED_IN = "pressroom.cache-signed-in";
  private static final String PUBLISHED = "published";
  private static final Pattern CACHEABLE =
      Pattern.compile(
          "/api/v1/articles(/[^/]+(/comments)?)?|/api/v1/tags(/[^/]+(/articles)?)?"
              + "|/api/v1/authors(/[^/]+)?|/feeds/.+|/api/v1/suggestions");

  /**
   * The answers whose resource asks who is calling, and which are the same for everyone (when they
   * are 200 to an anonymous client, which is all that is kept): listings. The article page is too,
   * but for the reader's own state. Authors' answers are not: whether the reader follows each
   * author is added to them ({@link #authorsFor}).
   */
  private static final Pattern SHARED_AFTER_SIGN_IN =
      Pattern.compile("/api/v1/articles(/[^/]+)?|/api/v1/tags/[^/]+/articles");

  private static final Pattern ARTICLE_PAGE = Pattern.compile("/api/v1/articles/[^/]+");

  /**
   * The signed-in reader's own feed, which is theirs alone: kept per reader ({@link #feedKey}), as
   * built for them, and served only to them.
   */
  private static final Pattern FEED = Pattern.compile("/api/v1/me/feed");

  /** Authors' answers: a page of them, or one profile. */
  private static final Pattern AUTHORS = Pattern.compile("/api/v1/authors(/[^/]+)?");

  private static final String AUTHOR_LIST = "/api/v1/authors";

  /**
   * The answers whose resource never asks who is calling: a token, valid or not, changes nothing in
   * them (nor is it checked) today, so a kept copy is served as to a keyed caller.
   */
  private static final Pattern SAME_FOR_ANY_TOKEN =
      Pattern.compile(
          "/api/v1/tags(/[^/]+)?|/feeds/.+|/api/v1/suggestions|/api/v1/articles/[^/]+/comments");

  /** Suggestions while typing: what is typed is their {@code q}, yet they are kept. */
  private static final Pattern SUGGESTIONS = Pattern.compile("/api/v1/suggestions");

  private static final byte[] VIEWER_FIELD = ",\"viewer\":".getBytes(StandardCharsets.UTF_8);
  private static final List<String> KEPT_HEADERS =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.ETAG,
          HttpHeaders.CACHE_CONTROL,
          HttpHeaders.VARY,
          "Link",
          EdgeCacheHeaders.XKEY);

  private final ResponseCache cache;
  private final ResponseDependencies dependencies;
  private final CurrentUser currentUser;
  private final ArticleService articles;
  private final AuthorService authors;
  private final ObjectMapper mapper;
  private final CachePolicy cachePolicy;
  private final PressroomConfig.EdgeCache edgeCache;
  private final PressroomConfig.RateLimit limits;
  private final RememberedCallers rememberedCallers;

  ResponseCacheFilter(
      ResponseCache cache,
      ResponseDependencies dependencies,
      CurrentUser currentUser,
      RememberedCallers rememberedCallers,
      ArticleService articles,
      AuthorService authors,
      ObjectMapper mapper,
      CachePolicy cachePolicy,
      PressroomConfig config) {
    this.cache = cache;
    this.dependencies = dependencies;
    this.currentUser = currentUser;
    this.articles = articles;
    this.authors = authors;
    this.mapper = mapper;
    this.cachePolicy = cachePolicy;
    this.edgeCache = config.edgeCache();
    this.limits = config.rateLimit();
    this.rememberedCallers = rememberedCallers;
  }

  /**
   * Anonymous requests are answered from the cache on the event loop: a hit never waits for a
   * worker thread. Runs after {@link RateLimitFilter#limitByAddress}.
   */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10, nonBlocking = true)
  public Optional<Response> serveKeptEarly(ContainerRequestContext request) {
    return Credentials.of(request).anonymous() && !RateLimitFilter.pending(request)
        ? serve(request)
        : Optional.empty();
  }

  /**
   * Signed-in readers' hits are answered on the event loop too when nothing needs blocking work:
   * rate limits are off (else the account's allowance may have to be asked of the shared store, by
   * {@link RateLimitFilter#limitIdentified} on a worker thread), the token's check is in memory
   * ({@link RememberedCallers}: the same rule and the same 401 as authentication), and on an
   * article page the reader's own state is kept. Anything else goes on to {@link #serveKept}, as
   * before.
   */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10, nonBlocking = true)
  public Optional<Response> serveSignedInEarly(ContainerRequestContext request) {
    if (limits.enabled() || !Credentials.of(request).signedIn()) {
      return Optional.empty();
    }
    String path = request.getUriInfo().getPath();
    if (FEED.matcher(path).matches()) {
      return feedEarly(request);
    }
    boolean asksWho = SHARED_AFTER_SIGN_IN.matcher(path).matches();
    if (!sharedWithSignedIn(request, path, asksWho)) {
      return Optional.empty();
    }
    ResponseCache.Entry entry = cache.lookUp(key(request));
    if (entry == null) {
      // Counted, and kept when built, by serveKept.
      return Optional.empty();
    }
    CurrentUser.Caller caller = null;
    if (asksWho) {
      RememberedCallers.Check check = rememberedCallers.of(Credentials.of(request).authorization());
      if (check instanceof RememberedCallers.Refused) {
        return Optional.of(ProblemMappers.unauthenticated(request.getUriInfo()));
      }
      if (!(check instanceof RememberedCallers.SignedIn signedIn)) {
        return Optional.empty();
      }
      caller = signedIn.caller();
    }
    if (ARTICLE_PAGE.matcher(path).matches()) {
      byte[] viewer;
      if (caller == null
          || entry.articlePage() == null
          || request.getUriInfo().getRequestUri().getRawQuery() != null
          || (viewer = cache.viewer(caller.accountId(), entry.articlePage().articleId())) == null) {
        return Optional.empty();
      }
      ResponseCacheCounters.HITS.increment();
      return Optional.of(withViewer(request, entry, viewer));
    }
    return hit(request, entry);
  }

  /**
   * Aggregators' keyed requests share the anonymous answers once their key is recognised, and
   * signed-in readers once their token is (after the limits of {@link RateLimitFilter}).
   */
  @ServerRequestFilter(priority = Priorities.USER + 200)
  public Optional<Response> serveKept(ContainerRequestContext request) {
    if (Credentials.of(request).anonymous() && !RateLimitFilter.decidedOnWorker(request)) {
      return Optional.empty();
    }
    Optional<Response> hit =
        Credentials.of(request).signedIn() ? serveSignedIn(request) : serve(request);
    if (hit.isPresent()) {
      ResponseCacheCounters.WORKER_HITS.increment();
    }
    return hit;
  }

  /** A GET whose kept public answer a signed-in reader may be sent, with their state if any. */
  private boolean sharedWithSignedIn(
      ContainerRequestContext request, String path, boolean asksWho) {
    return cache.enabled()
        && HttpMethod.GET.equals(request.getMethod())
        && (asksWho || SAME_FOR_ANY_TOKEN.matcher(path).matches());
  }

  private Optional<Response> serveSignedIn(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (AUTHORS.matcher(path).matches()) {
      return authorsFor(request, path);
    }
    if (FEED.matcher(path).matches()) {
      return feedFor(request);
    }
    boolean asksWho = SHARED_AFTER_SIGN_IN.matcher(path).matches();
    if (!sharedWithSignedIn(request, path, asksWho)) {
      return Optional.empty();
    }
    String key = key(request);
    ResponseCache.Entry entry = cache.lookUp(key);
    if (entry == null) {
      ResponseCacheCounters.MISSES.increment();
      if (sharedWhenBuilt(request, path)) {
        // Built for this reader; its public part is kept for everyone (see anonymousAnswer).
        keepWhenBuilt(request, key, true);
      }
      return Optional.empty();
    }
    // Authenticates now, as the resource would: a token that fails is a 401 here too.
    Optional<CurrentUser.Caller> caller = asksWho ? currentUser.caller() : Optional.empty();
    if (ARTICLE_PAGE.matcher(path).matches()) {
      if (caller.isEmpty()
          || entry.articlePage() == null
          || request.getUriInfo().getRequestUri().getRawQuery() != null) {
        return Optional.empty();
      }
      ResponseCacheCounters.HITS.increment();
      return Optional.of(withViewer(request, entry, viewer(entry, caller.get())));
    }
    return hit(request, entry);
  }

  /**
   * The reader's own feed on the event loop, when their token's check is remembered ({@link
   * RememberedCallers}) and their page is kept; anything else goes on to {@link #feedFor}.
   */
  private Optional<Response> feedEarly(ContainerRequestContext request) {
    if (!cache.enabled() || !HttpMethod.GET.equals(request.getMethod())) {
      return Optional.empty();
    }
    RememberedCallers.Check check = rememberedCallers.of(Credentials.of(request).authorization());
    if (check instanceof RememberedCallers.Refused) {
      return Optional.of(ProblemMappers.unauthenticated(request.getUriInfo()));
    }
    if (!(check instanceof RememberedCallers.SignedIn signedIn)) {
      return Optional.empty();
    }
    ResponseCache.Entry entry = cache.lookUp(feedKey(request, signedIn.caller()));
    if (entry == null) {
      return Optional.empty();
    }
    return hit(request, entry);
  }

  /**
   * The reader's own feed, as built for them before and kept under their account ({@link
   * #feedKey}), once their token is checked as the resource would (a token that fails is a 401 here
   * too). It is dropped as a listing is (an article published, changed or taken down, feedback on
   * an article it shows) and by any follow or unfollow, which changes whose articles it holds.
   */
  private Optional<Response> feedFor(ContainerRequestContext request) {
    if (!cache.enabled() || !HttpMethod.GET.equals(request.getMethod())) {
      return Optional.empty();
    }
    Optional<CurrentUser.Caller> caller = currentUser.caller();
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    // Kept as built when missed: the whole answer is the reader's own.
    return keptOrBuilt(request, feedKey(request, caller.get()));
  }

  /**
   * The key of a reader's own answer: the request's, then the reader's account (after a {@code #},
   * which no request target holds), so that it is never another reader's.
   */
  private static String feedKey(ContainerRequestContext request, CurrentUser.Caller caller) {
    return key(request) + "#" + caller.accountId();
  }

  /**
   * An authors' answer for a signed-in reader: the public answer kept for everyone, with whether
   * the reader follows each author, read in one statement (by key, however many authors the reader
   * follows). Every follow drops the kept authors' answers, on every instance, so the counts shown
   * beside it are as fresh as an anonymous reader's. Trimmed ({@code fields}) answers are built for
   * the reader alone. A miss is built for the reader and its public part kept ({@link
   * #anonymousAnswer}).
   */
  private Optional<Response> authorsFor(ContainerRequestContext request, String path) {
    if (!cache.enabled()
        || !HttpMethod.GET.equals(request.getMethod())
        || request.getUriInfo().getQueryParameters().containsKey("fields")) {
      return Optional.empty();
    }
    String key = key(request);
    ResponseCache.Entry entry = cache.lookUp(key);
    if (entry == null) {
      ResponseCacheCounters.MISSES.increment();
      keepWhenBuilt(request, key, true);
      return Optional.empty();
    }
    // Authenticates now, as the resource would: a token that fails is a 401 here too.
    Optional<CurrentUser.Caller> caller = currentUser.caller();
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    KeptAuthors kept = KeptAuthors.of(entry.body(), AUTHOR_LIST.equals(path));
    byte[] body =
        kept.withFollowing(authors.followedAmong(caller.get().accountId(), kept.handles()));
    ResponseCacheCounters.HITS.increment();
    return Optional.of(
        answer(request, body, entry.headers(), Representations.entityTag(body, null)));
  }

  /**
   * Whether what the resource builds for a signed-in reader has a public part that an anonymous
   * client would get for the same request, kept as theirs would be ({@link #cacheable}): the
   * article page asked for without options, listings of published articles (the unpublished ones
   * need a role) that are no searches, and the answers that never ask who calls.
   */
  private static boolean sharedWhenBuilt(ContainerRequestContext request, String path) {
    if (SAME_FOR_ANY_TOKEN.matcher(path).matches()) {
      return true;
    }
    if (searches(request, path)) {
      return false;
    }
    if (ARTICLE_PAGE.matcher(path).matches()) {
      return request.getUriInfo().getRequestUri().getRawQuery() == null;
    }
    List<String> status = request.getUriInfo().getQueryParameters().get("status");
    return status == null || status.stream().allMatch(PUBLISHED::equals);
  }

  /**
   * The kept public article page plus the reader's own state ({@link ResponseCache#viewer}): the
   * same bytes as the page built for the reader ({@code viewer} is its last field, absent from the
   * public page), with the entity tag of those bytes, so a 304 never hides a change of the reader's
   * state.
   */
  private Response withViewer(
      ContainerRequestContext request, ResponseCache.Entry entry, byte[] viewer) {
    byte[] body = splice(entry.body(), viewer);
    return answer(
        request,
        body,
        entry.headers(),
        Representations.entityTag(body, entry.articlePage().versionTag()));
  }

  /** The reader's own state on the kept page, kept or read now (one statement) and kept. */
  private byte[] viewer(ResponseCache.Entry entry, CurrentUser.Caller caller) {
    ResponseDependencies.ArticlePage page = entry.articlePage();
    byte[] viewer = cache.viewer(caller.accountId(), page.articleId());
    if (viewer == null) {
      ResponseCache.Stamp stamp = cache.stamp();
      viewer = serialize(articles.viewer(page.articleId(), page.authorId(), caller.accountId()));
      cache.keepViewer(caller.accountId(), page.articleId(), viewer, stamp);
    }
    return viewer;
  }

  /** {@code publicPage} with {@code ,"viewer":<viewer>} before its closing brace. */
  static byte[] splice(byte[] publicPage, byte[] viewer) {
    int end = publicPage.length - 1;
    if (end < 1 || publicPage[end] != '}') {
      throw new IllegalStateException("A kept article page is not a JSON object");
    }
    byte[] body = Arrays.copyOf(publicPage, end + VIEWER_FIELD.length + viewer.length + 1);
    System.arraycopy(VIEWER_FIELD, 0, body, end, VIEWER_FIELD.length);
    System.arraycopy(viewer, 0, body, end + VIEWER_FIELD.length, viewer.length);
    body[body.length - 1] = '}';
    return body;
  }

  private byte[] serialize(ArticleDetail.Viewer viewer) {
    try {
      return mapper.writeValueAsBytes(viewer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise the reader's state", e);
    }
  }

  private Optional<Response> serve(ContainerRequestContext request) {
    if (!cache.enabled() || !cacheable(request)) {
      return Optional.empty();
    }
    return keptOrBuilt(request, key(request));
  }

  /** The answer kept under {@code key}; else none, and what is built is kept as it is. */
  private Optional<Response> keptOrBuilt(ContainerRequestContext request, String key) {
    ResponseCache.Entry entry = cache.lookUp(key);
    if (entry == null) {
      ResponseCacheCounters.MISSES.increment();
      keepWhenBuilt(request, key, false);
      return Optional.empty();
    }
    return hit(request, entry);
  }

  /**
   * Marks a miss so that {@link #keep} keeps what the resource builds under {@code key}, unless a
   * write invalidated it meanwhile (the stamp); {@code publicPart}: built for a signed-in reader,
   * of which only the public part is kept ({@link #anonymousAnswer}), else kept as built.
   */
  private void keepWhenBuilt(ContainerRequestContext request, String key, boolean publicPart) {
    request.setProperty(STAMP, cache.stamp());
    request.setProperty(KEY, key);
    if (publicPart) {
      request.setProperty(SIGNED_IN, Boolean.TRUE);
    }
  }

  /** A kept answer as it was kept, counted as a hit. */
  private static Optional<Response> hit(
      ContainerRequestContext request, ResponseCache.Entry entry) {
    ResponseCacheCounters.HITS.increment();
    return Optional.of(
        answer(request, entry.body(), entry.headers(), entry.headers().get(HttpHeaders.ETAG)));
  }

  private static Response answer(
      ContainerRequestContext request, byte[] body, Map<String, String> headers, String etag) {
    Response.ResponseBuilder builder =
        notModified(request, etag) ? Response.notModified() : Response.ok(body);
    headers.forEach(
        (name, value) -> {
          if (!HttpHeaders.ETAG.equals(name)) {
            builder.header(name, value);
          }
        });
    if (etag != null) {
      builder.header(HttpHeaders.ETAG, etag);
    }
    return builder.header(CACHE_HEADER, "hit").build();
  }

  @ServerResponseFilter
  public void keep(ContainerRequestContext request, ContainerResponseContext response) {
    Object stamp = request.getProperty(STAMP);
    if (stamp == null) {
      return;
    }
    response.getHeaders().putSingle(CACHE_HEADER, "miss");
    if (response.getStatus() != 200 || !(response.getEntity() instanceof byte[] body)) {
      return;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = response.getHeaderString(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    if (request.getProperty(SIGNED_IN) != null) {
      body = anonymousAnswer(request, body, headers);
      if (body == null) {
        return;
      }
    }
    cache.keep(
        (String) request.getProperty(KEY),
        (ResponseCache.Stamp) stamp,
        body,
        headers,
        dependencies.articles(),
        dependencies.articlePage());
  }

  /**
   * Turns a signed-in reader's answer into the one an anonymous client gets, in place for {@code
   * headers}: the same bytes (the article page without the reader's {@code viewer}, authors without
   * theirs) with the public caching headers, surrogate keys and entity tag. Null when there is no
   * public answer to keep.
   */
  private byte[] anonymousAnswer(
      ContainerRequestContext request, byte[] body, Map<String, String> headers) {
    if (!CachePolicy.PERSONAL.equals(headers.get(HttpHeaders.CACHE_CONTROL))) {
      return null;
    }
    headers.put(HttpHeaders.CACHE_CONTROL, cachePolicy.shared());
    String keys = EdgeCacheHeaders.surrogateKeys(edgeCache, request, dependencies.articles());
    if (keys != null) {
      headers.put(EdgeCacheHeaders.XKEY, keys);
    }
    if (AUTHORS.matcher(request.getUriInfo().getPath()).matches()) {
      byte[] shown = KeptAuthors.withoutViewer(body);
      headers.put(HttpHeaders.ETAG, Representations.entityTag(shown, null));
      return shown;
    }
    if (!ARTICLE_PAGE.matcher(request.getUriInfo().getPath()).matches()) {
      return body;
    }
    ResponseDependencies.ArticlePage page = dependencies.articlePage();
    byte[] shown = dependencies.publicBody();
    if (page == null || shown == null) {
      return null;
    }
    headers.put(HttpHeaders.ETAG, Representations.entityTag(shown, page.versionTag()));
    return shown;
  }

  static boolean cacheable(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return HttpMethod.GET.equals(request.getMethod())
        && !Credentials.of(request).token()
        && CACHEABLE.matcher(path).matches()
        && !searches(request, path);
  }

  /**
   * Whether the request is a search (a listing's {@code q}), which is not kept: each is asked
   * rarely. Suggestions, asked by every reader typing the same first letters, are (see {@link
   * ResponseCache} for how they follow the search index).
   */
  private static boolean searches(ContainerRequestContext request, String path) {
    return request.getUriInfo().getQueryParameters().containsKey("q")
        && !SUGGESTIONS.matcher(path).matches();
  }

  private static String key(ContainerRequestContext request) {
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    return request.getUriInfo().getPath() + (query == null ? "" : "?" + query);
  }

  private static boolean notModified(ContainerRequestContext request, String etag) {
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    return ifNoneMatch != null && etag != null && EntityTags.matchesAny(ifNoneMatch, etag);
  }
}
