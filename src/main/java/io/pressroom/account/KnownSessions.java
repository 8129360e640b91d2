package io.pressroom.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pressroom.PressroomConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account and session checks of signed-in requests ({@link AccountIdentityAugmentor}),
 * remembered per instance so that a signed-in reader's kept answer costs no statement.
 *
 * <p>Forgotten for an account when a write changes its role, disables it, deletes it or ends one of
 * its sessions: on this instance as soon as the write commits ({@link AccountChanged}), on every
 * instance when the database announces it ({@code account} messages sent by V14's triggers, applied
 * by {@code delivery/InvalidationListener}). Those messages reach an instance only while it
 * listens, so nothing remembered is trusted until the listener is proven alive ({@link #trust}),
 * and all of it is dropped when it is lost ({@link #distrust}). A check read while a change was
 * being forgotten is not remembered, so a slow reader never puts back what a writer just ended. The
 * time to live is a backstop only.
 */
@ApplicationScoped
public class KnownSessions {

  private record Key(long accountId, UUID session) {}

  private final Cache<Key, Optional<AccountQueries.Identity>> known;
  private final AtomicLong forgotten = new AtomicLong();
  private volatile boolean trusted;

  @Inject
  KnownSessions(PressroomConfig config) {
    this(config.sessionCache().maximumSize(), config.sessionCache().timeToLive());
  }

  KnownSessions(long maximumSize, Duration timeToLive) {
    this.known =
        Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(timeToLive).build();
  }

  /** The remembered check of this session, or null when it must be read from the database. */
  Optional<AccountQueries.Identity> remembered(long accountId, UUID session) {
    return trusted ? known.getIfPresent(new Key(accountId, session)) : null;
  }

  /** Taken before a check is read, and handed to {@link #remember} with what it read. */
  long readingSince() {
    return forgotten.get();
  }

  /** Remembers a check read since {@code since}, unless something was forgotten meanwhile. */
  void remember(
      long accountId, UUID session, Optional<AccountQueries.Identity> identity, long since) {
    if (!trusted) {
      return;
    }
    Key key = new Key(accountId, session);
    known.put(key, identity);
    // Checked after the put: a forget that ran meanwhile either removed it or is seen here.
    if (forgotten.get() != since || !trusted) {
      known.invalidate(key);
    }
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
    forget(change.accountId());
  }

  /** Forgets every remembered session of the account. */
  public void forget(long accountId) {
    forgotten.incrementAndGet();
    known.asMap().keySet().removeIf(key -> key.accountId() == accountId);
  }

  /** Forgets everything (a message this version cannot read). */
  public void forgetAll() {
    forgotten.incrementAndGet();
    known.invalidateAll();
  }

  /** The listener listens: changes reach this instance again, from an empty memory. */
  public void trust() {
    forgetAll();
    trusted = true;
  }

  /** The listener is lost: a change elsewhere could be missed, so every check is read again. */
  public void distrust() {
    trusted = false;
    forgetAll();
  }
}
