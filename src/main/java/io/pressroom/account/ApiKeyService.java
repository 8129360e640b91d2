package io.pressroom.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pressroom.PressroomConfig;
import io.pressroom.crypto.Hashing;
import io.pressroom.crypto.InstanceSecrets;
import io.pressroom.limit.Allowance;
import io.pressroom.limit.Limit;
import io.pressroom.limit.Limiter;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Aggregator keys. Failed look-ups of unknown keys are throttled per client address. Recognising a
 * key is cached briefly ({@link #RECHECK}); a revocation empties that cache on every instance once
 * it commits (on the others through {@code delivery/InvalidationListener}), so a revoked key stops
 * working at once here and within a second elsewhere.
 */
@ApplicationScoped
public class ApiKeyService {

  static final String PREFIX = "prk_";
  static final Duration RECHECK = Duration.ofSeconds(30);

  /** A recognised key: its id and name, for attribution and rate limits. */
  public record Client(long id, String name) {}

  /** The kind of cursor of the keys' list: after a key's id. */
  private static final String CURSOR = "api-key-id";

  private final Cache<String, Optional<Client>> recognised =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(RECHECK).build();
  private final Cache<Long, Instant> lastRecorded =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();
  private final Allowance failedLookups;
  private final ApiKeyQueries queries;
  private final Event<ApiKeyRevoked> revocations;

  ApiKeyService(
      PressroomConfig config,
      ApiKeyQueries queries,
      Limiter limiter,
      Event<ApiKeyRevoked> revocations) {
    this.queries = queries;
    this.revocations = revocations;
    int perMinute = config.rateLimit().unknownApiKeysPerMinute();
    this.failedLookups =
        limiter.allowance(Limit.UNKNOWN_KEY, "unknown-key", perMinute, Duration.ofMinutes(1));
  }

  @Transactional
  public ApiKeyViews.Created create(String name, long adminId) {
    String key = PREFIX + InstanceSecrets.randomBase64(24);
    ApiKey apiKey =
        new ApiKey(
            name.trim(),
            key.substring(0, PREFIX.length() + 6),
            Hashing.sha256Hex(key),
            adminId,
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    queries.add(apiKey);
    return new ApiKeyViews.Created(apiKey.id, apiKey.name, key, apiKey.prefix, apiKey.createdAt);
  }

  /** A page of the active keys, oldest first, with how many there are. */
  public ApiKeyViews.KeyPage list(PageRequest page, CursorCodec cursors) {
    long after =
        page.cursor().map(c -> Long.parseLong(cursors.decode(c, CURSOR, 1).text(0))).orElse(0L);
    List<ApiKey> rows = queries.activePage(after, page.offset(), page.fetchSize());
    long total = queries.activeCount();
    PageCut<ApiKey> cut =
        PageCut.of(rows, page, cursors, CURSOR, k -> List.of(Long.toString(k.id)));
    return new ApiKeyViews.KeyPage(
        cut.shown().stream().map(ApiKeyService::listed).toList(), cut.info(page, total));
  }

  /** An active key as listed (never the key itself); 404 once revoked, as for a revocation. */
  public ApiKeyViews.Listed get(long id) {
    return listed(active(id));
  }

  @Transactional
  public void revoke(long id) {
    ApiKey key = active(id);
    key.revoke(Instant.now());
    revocations.fire(new ApiKeyRevoked(id));
  }

  private ApiKey active(long id) {
    return queries
        .byId(id)
        .filter(k -> !k.isRevoked())
        .orElseThrow(() -> ProblemException.notFound("No active API key has the id " + id + "."));
  }

  private static ApiKeyViews.Listed listed(ApiKey key) {
    return new ApiKeyViews.Listed(
        key.id,
        key.name,
        key.prefix,
        key.createdAt,
        key.lastUsedAt == null ? null : key.lastUsedAt.truncatedTo(ChronoUnit.SECONDS));
  }

  /** After the commit: a look-up racing the revocation could otherwise keep the key as active. */
  void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked revoked) {
    forgetRecognised();
  }

  /** Forgets every recognised key, so the next use of each is checked against the database. */
  public void forgetRecognised() {
    recognised.invalidateAll();
  }

  /**
   * The client a key belongs to, or empty for an unknown or revoked key. A key not known in memory
   * is looked up only while {@code address} has failed lookups left (spent first, given back when
   * the key exists); then it is a 429 without any database work.
   */
  public Optional<Client> recognise(String key, String address) {
    if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
      return Optional.empty();
    }
    String hash = Hashing.sha256Hex(key);
    Optional<Client> client = recognised.getIfPresent(hash);
    if (client == null) {
      failedLookups.spendOrRefuse(address, "Too many unknown API keys from your address");
      client = recognised.get(hash, this::lookUp);
      if (client.isPresent()) {
        failedLookups.refund(address);
      }
    }
    client.ifPresent(this::recordUse);
    return client;
  }

  private Optional<Client> lookUp(String hash) {
    return QuarkusTransaction.requiringNew()
        .call(() -> queries.activeByHash(hash).map(k -> new Client(k.id, k.name)));
  }

  /** Keeps last_used_at roughly current without a write per request. */
  private void recordUse(Client client) {
    Instant now = Instant.now();
    Instant previous = lastRecorded.getIfPresent(client.id());
    if (previous != null && previous.isAfter(now.minus(Duration.ofMinutes(1)))) {
      return;
    }
    lastRecorded.put(client.id(), now);
    QuarkusTransaction.requiringNew().run(() -> queries.recordUse(client.id(), now));
  }
}
