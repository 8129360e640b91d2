package io.pressroom.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnownSessionsTest {

  private static final Optional<AccountQueries.Identity> READER =
      Optional.of(new AccountQueries.Identity("reader", Role.READER, false, true));

  private final KnownSessions known = new KnownSessions(100, Duration.ofMinutes(5));
  private final UUID session = UUID.randomUUID();

  @Test
  void nothingIsTrustedBeforeTheListenerListensNorAfterItIsLost() {
    known.remember(1, session, READER, known.readingSince());
    assertThat(known.remembered(1, session)).isNull();

    known.trust();
    known.remember(1, session, READER, known.readingSince());
    assertThat(known.remembered(1, session)).isEqualTo(READER);

    known.distrust();
    assertThat(known.remembered(1, session)).isNull();
    known.trust();
    // What was remembered before the loss is not trusted again.
    assertThat(known.remembered(1, session)).isNull();
  }

  @Test
  void aChangeForgetsEverySessionOfThatAccountOnly() {
    known.trust();
    UUID other = UUID.randomUUID();
    known.remember(1, session, READER, known.readingSince());
    known.remember(1, other, READER, known.readingSince());
    known.remember(2, session, READER, known.readingSince());

    known.forget(1);

    assertThat(known.remembered(1, session)).isNull();
    assertThat(known.remembered(1, other)).isNull();
    assertThat(known.remembered(2, session)).isEqualTo(READER);
  }

  @Test
  void aCheckReadWhileAChangeWasForgottenIsNotRemembered() {
    known.trust();
    long since = known.readingSince();
    // The change commits and is forgotten after the check read the old state.
    known.forget(1);
    known.remember(1, session, READER, since);
    assertThat(known.remembered(1, session)).isNull();
  }

  @Test
  void endedSessionsAreRememberedAsEnded() {
    known.trust();
    Optional<AccountQueries.Identity> ended =
        Optional.of(new AccountQueries.Identity("reader", Role.READER, false, false));
    known.remember(1, session, ended, known.readingSince());
    known.remember(2, session, Optional.empty(), known.readingSince());
    assertThat(known.remembered(1, session)).isEqualTo(ended);
    assertThat(known.remembered(2, session)).isEmpty();
  }
}
