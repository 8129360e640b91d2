package io.pressroom.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every statement on aggregator keys. */
@ApplicationScoped
class ApiKeyQueries {

  void add(ApiKey key) {
    key.persist();
  }

  Optional<ApiKey> byId(long id) {
    return ApiKey.findByIdOptional(id);
  }

  /** A page of the keys not revoked, oldest first: those after {@code afterId}. */
  List<ApiKey> activePage(long afterId, int offset, int fetchSize) {
    return ApiKey.<ApiKey>find("revokedAt is null and id > ?1 order by id", afterId)
        .range(offset, offset + fetchSize - 1)
        .list();
  }

  long activeCount() {
    return ApiKey.count("revokedAt is null");
  }

  Optional<ApiKey> activeByHash(String keyHash) {
    return ApiKey.<ApiKey>find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
  }

  void recordUse(long id, Instant when) {
    ApiKey.update("lastUsedAt = ?1 where id = ?2", when, id);
  }
}
