package io.pressroom;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Pressroom's own settings; each can also be given as an environment variable. */
@ConfigMapping(prefix = "pressroom")
public interface PressroomConfig {

  /** Loads the demo content once when true (the default with the embedded database). */
  @WithDefault("false")
  boolean demoContent();

  /**
   * The public base URL of every absolute link; required (the embedded development database
   * defaults it to {@code http://localhost:<port>}), never taken from the request.
   */
  Optional<String> publicBaseUrl();

  /** The largest request body accepted; larger ones get a 413 problem. */
  @WithDefault("1048576")
  long maxBodySize();

  /**
   * The public web site that shows articles to people. When set, the links of feeds meant for
   * people go there: {@code <site-url>/articles/<slug>}, {@code /authors/<handle>}, {@code
   * /tags/<slug>} and {@code /} for everything. When absent they are the API's own URLs. Entry ids
   * and self links are API URLs either way.
   */
  Optional<String> siteUrl();

  /** Caching headers of anonymous public answers. */
  Cache cache();

  /** The in-memory cache of hot anonymous answers. */
  ResponseCache responseCache();

  /** The account and session checks of signed-in requests remembered per instance. */
  SessionCache sessionCache();

  /** A shared HTTP cache (Varnish with xkey) in front of the instances, kept fresh by purges. */
  EdgeCache edgeCache();

  /** Request rate limits. */
  RateLimit rateLimit();

  /** How instances tell each other what a write made stale. */
  Invalidation invalidation();

  /** Full-text search of articles and suggestions while typing. */
  Search search();

  /** Webhooks: events sent to subscribers' URLs after the changes commit. */
  Webhooks webhooks();

  /** Access and refresh tokens. */
  Tokens tokens();

  /** The first admin, created at start-up when both are set. */
  Admin admin();

  /** Signed links that open an article's original source ({@code GET /go/{token}}). */
  SourceLinks sourceLinks();

  /** Takedown and abuse reports. */
  Reports reports();

  /** Throttling of failed sign-ins. */
  SignIn signIn();

  /** Where the pictures of readers' and authors' profiles may be. */
  Avatars avatars();

  /** Sign-up attempts accepted from one client address per hour; 429 beyond. */
  @WithDefault("10")
  int signUpsPerAddress();

  /** The key that signs paging cursors; generated once and kept in the database when absent. */
  Optional<String> cursorKey();

  interface Webhooks {
    /** Whether targets may be plain {@code http://} URLs (development); otherwise https only. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Whether targets may resolve to loopback, private, link-local or other internal addresses. Off
     * by default so that an admin's URL cannot make the server call its own network.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Whether this instance sends deliveries (every instance may; claims never overlap). */
    @WithDefault("true")
    boolean dispatch();

    /** How long one attempt may take, connection included; at most 15 s. */
    @WithDefault("10s")
    Duration timeout();

    /** How many deliveries this instance sends at the same time. */
    @WithDefault("8")
    int concurrency();

    /** How often an idle instance looks for due deliveries that another instance wrote. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long the delivery log and delivered or abandoned events are kept. */
    @WithDefault("14d")
    Duration retention();

    /** How long the old secret still signs after a rotation. */
    @WithDefault("24h")
    Duration secretRotationOverlap();

    /** How many bytes of a target's response body are read and kept in the log. */
    @WithDefault("2048")
    int responseExcerptBytes();
  }

  interface Cache {
    /** How long shared caches may serve an anonymous answer without asking again. */
    @WithDefault("60s")
    Duration maxAge();

    /** How long after that a cache may serve the stale answer while it revalidates. */
    @WithDefault("300s")
    Duration staleWhileRevalidate();
  }

  interface Tokens {
    /** PKCS#8 RSA private key (PEM or base64) that signs access tokens; generated when absent. */
    Optional<String> signingKey();

    /**
     * Keys that verify but no longer sign, during a rotation window: each a PKCS#8 RSA private key
     * (as the signing key was given) or an X.509 RSA public key, PEM or base64, comma-separated.
     */
    Optional<List<String>> previousSigningKeys();

    /** The audience ({@code aud}) access tokens are issued for and must name to be accepted. */
    @WithDefault("pressroom-api")
    String audience();

    @WithDefault("pressroom")
    String issuer();

    /** Lifetime of an access token. */
    @WithDefault("15m")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token (each use replaces it with a fresh one). */
    @WithDefault("30d")
    Duration refreshTokenLifetime();
  }

  interface Admin {
    Optional<String> email();

    Optional<String> password();
  }

  interface SourceLinks {
    /** How long a signed link works after it is issued. */
    @WithDefault("5m")
    Duration lifetime();

    /** The key that signs links; generated once and kept in the database when absent. */
    Optional<String> key();
  }

  interface Reports {
    /** Reports accepted from one client address per window. */
    @WithDefault("5")
    int perAddress();

    @WithDefault("1h")
    Duration window();
  }

  interface Avatars {
    /**
     * The hosts (each with its subdomains) an {@code avatarUrl} set from now on may point at, over
     * https; {@code *} allows any host. Every reader's browser that shows a discussion loads its
     * avatars, so an address of the commenter's own server would tell them who reads it and when;
     * these services show pictures without telling their owners who looked.
     */
    @WithDefault("gravatar.com,githubusercontent.com")
    List<String> hosts();
  }

  interface SignIn {
    /** Failed sign-ins allowed per email address per window. */
    @WithDefault("5")
    int failuresPerEmail();

    /** Failed sign-ins allowed per client address per window. */
    @WithDefault("20")
    int failuresPerAddress();

    @WithDefault("15m")
    Duration window();
  }

  interface EdgeCache {
    /**
     * Where purges go, one URL per Varnish ({@code http://127.0.0.1:6081}); absent: there is no
     * edge cache, answers carry no surrogate keys and nothing is queued.
     */
    Optional<List<String>> purgeUrls();

    /**
     * How long the edge cache may keep an anonymous answer (Surrogate-Control), never past the next
     * scheduled publication. Purges keep it fresh; this bounds a purge that never came.
     */
    @WithDefault("1h")
    Duration maxAge();
  }

  interface Search {
    /** Which engine answers searches: the local Lucene index, or PostgreSQL's full-text search. */
    @WithDefault("lucene")
    SearchEngine engine();

    /**
     * Where the Lucene index lives on local disk; {@code temporary} makes a fresh directory that is
     * removed at stop (tests). Defaults to {@code search-index} beside the embedded database's
     * data.
     */
    Optional<String> indexDirectory();

    /**
     * How often the index looks for changes in the changes feed while other instances' writes are
     * not announced (the invalidation listener is not proven alive), and for a few seconds after
     * each write (the feed hands a change out once older transactions have ended).
     */
    @WithDefault("250ms")
    Duration pollInterval();

    /**
     * How often an idle index looks in the changes feed while writes are announced (here by the
     * write itself, from other instances by the invalidation listener): a safety net only.
     */
    @WithDefault("10s")
    Duration idlePollInterval();

    /**
     * How many searches and suggestions of this instance work in its index at a time (the others
     * wait their turn, in order); twice the processors when not set.
     */
    Optional<@Min(1) Integer> concurrency();

    /**
     * How many searches PostgreSQL's full-text search answers at a time on this instance (while the
     * index is built, searches of unpublished articles, the {@code postgresql} engine): each may
     * take seconds on a large data set, and unbounded they could take every pooled connection.
     */
    @WithDefault("4")
    @Min(1)
    int databaseConcurrency();

    /** How long a search waits for its turn in the database before it is answered 503. */
    @WithDefault("2s")
    Duration databaseWait();

    /**
     * How many articles' kept summaries (about 600 bytes of JSON each) this instance keeps for the
     * search results it shows, so that a page whose articles were all shown before reads only their
     * counters from PostgreSQL; 0 keeps none.
     */
    @WithDefault("20000")
    @Min(0)
    long keptSummaries();
  }

  enum SearchEngine {
    LUCENE,
    POSTGRESQL
  }

  interface ResponseCache {
    @WithDefault("true")
    boolean enabled();

    /**
     * What the kept answers may weigh together (their bytes, with what is kept beside them): a
     * bound on memory whatever the answers' sizes, so that many large pages (whole feeds, listings
     * of 100) cannot fill the heap. Counted in the Java heap: keep it well under {@code -Xmx}.
     */
    @WithDefault("64M")
    MemorySize maximumSize();

    /** The longest an answer is kept, as a backstop to invalidation. */
    @WithDefault("60s")
    Duration timeToLive();

    /** How many signed-in readers' own states on article pages it keeps. */
    @WithDefault("50000")
    long maximumViewers();

    /**
     * The longest a reader's own state is kept: short, because a like made on another instance that
     * dies before announcing it is otherwise shown undone until the page's time to live.
     */
    @WithDefault("2s")
    Duration viewerTimeToLive();
  }

  interface SessionCache {
    /** How many signed-in sessions' account checks each instance remembers. */
    @WithDefault("100000")
    long maximumSize();

    /** The longest a check is remembered, as a backstop to invalidation. */
    @WithDefault("5m")
    Duration timeToLive();
  }

  interface Invalidation {
    /**
     * How long the invalidations of committed feedback (likes, ratings, comments) are gathered
     * before one transaction sends them all to the other instances.
     */
    @WithDefault("20ms")
    Duration feedbackWindow();
  }

  interface RateLimit {
    @WithDefault("true")
    boolean enabled();

    /** Requests a minute from one client address without a key or token. */
    @WithDefault("300")
    int anonymousPerMinute();

    /** Requests a minute of one signed-in account. */
    @WithDefault("1200")
    int accountPerMinute();

    /** Requests a minute of one aggregator key. */
    @WithDefault("6000")
    int apiKeyPerMinute();

    /** Look-ups of unknown API keys a minute from one client address; 429 beyond. */
    @WithDefault("10")
    int unknownApiKeysPerMinute();

    /**
     * Where every limit and throttle is counted: {@code postgresql} across all instances sharing
     * the database, or {@code memory} in this instance alone.
     */
    @WithDefault("postgresql")
    Store store();

    /** The fraction of a limit all instances together may admit beyond it (see Limiter). */
    @WithDefault("0.1")
    double tolerance();

    /** The most instances sharing the store; with the tolerance it sizes each one's share. */
    @WithDefault("3")
    int instances();

    /** How often each instance charges the store with tokens it admitted alone. */
    @WithDefault("1s")
    Duration syncInterval();

    enum Store {
      POSTGRESQL,
      MEMORY
    }
  }
}
