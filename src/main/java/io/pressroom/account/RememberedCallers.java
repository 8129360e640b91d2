package io.pressroom.account;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sends a bearer token, as far as memory alone can tell, without I/O and without a worker
 * thread: the token verified by {@link AccessTokenParser} (its signature and expiry, on the event
 * loop as Quarkus verifies it), and the account and session as {@link KnownSessions} remembers them
 * (only while the invalidation listener keeps that memory in step with every instance), judged by
 * {@link CurrentUser#callerOf}, the same rule as {@link AccountIdentityAugmentor}'s. When memory
 * cannot tell, the request takes the usual way, which reads the check with one statement.
 */
@ApplicationScoped
public class RememberedCallers {

  /** What memory tells of a request's token. */
  public sealed interface Check {}

  /** Memory cannot tell: the account and session must be read. */
  public record Unknown() implements Check {}

  /** The token is refused (401), as authentication would refuse it. */
  public record Refused() implements Check {}

  /** The token's holder. */
  public record SignedIn(CurrentUser.Caller caller) implements Check {}

  private static final Check UNKNOWN = new Unknown();
  private static final Check REFUSED = new Refused();

  /**
   * The one form of the Authorization header whose token is exactly what Quarkus's bearer mechanism
   * takes from it; any other form is left to that mechanism.
   */
  private static final Pattern PLAIN_BEARER = Pattern.compile("Bearer [A-Za-z0-9._~+/=-]+");

  private final AccessTokenParser tokens;
  private final KnownSessions known;

  RememberedCallers(AccessTokenParser tokens, KnownSessions known) {
    this.tokens = tokens;
    this.known = known;
  }

  /** What memory tells of the caller with this Authorization header. */
  public Check of(String authorization) {
    if (authorization == null || !PLAIN_BEARER.matcher(authorization).matches()) {
      return UNKNOWN;
    }
    JsonWebToken token;
    try {
      token = tokens.parse(authorization.substring(7));
    } catch (ParseException e) {
      return REFUSED;
    }
    Optional<CurrentUser.TokenSession> named = tokens.session(token);
    if (named.isEmpty()) {
      return REFUSED;
    }
    Optional<AccountQueries.Identity> remembered =
        known.remembered(named.get().accountId(), named.get().session());
    if (remembered == null) {
      return UNKNOWN;
    }
    return CurrentUser.callerOf(named.get(), remembered).<Check>map(SignedIn::new).orElse(REFUSED);
  }
}
