package io.pressroom.webhook;

import io.pressroom.PressroomConfig;
import io.pressroom.db.Row;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.pressroom.web.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subscriptions and what admins do with them: subscribe, change, rotate the secret, send a test,
 * read the delivery log and send deliveries again. Each write is one transaction; whatever makes
 * deliveries due fires {@link WebhookEventsRecorded}, so that the dispatcher looks at once.
 */
@ApplicationScoped
public class WebhookService {

  private static final String LIST_SORT = "webhooks";
  private static final String LOG_SORT = "webhook-attempts";

  /** Slugs and handles: nothing that could not be one (a comma would split a joined list). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final WebhookQueries queries;
  private final WebhookRecorder recorder;
  private final TargetPolicy policy;
  private final CursorCodec cursors;
  private final Validation validation;
  private final Duration rotationOverlap;
  private final Event<WebhookEventsRecorded> recorded;

  WebhookService(
      WebhookQueries queries,
      WebhookRecorder recorder,
      TargetPolicy policy,
      CursorCodec cursors,
      Validation validation,
      PressroomConfig config,
      Event<WebhookEventsRecorded> recorded) {
    this.queries = queries;
    this.recorder = recorder;
    this.policy = policy;
    this.cursors = cursors;
    this.validation = validation;
    this.rotationOverlap = config.webhooks().secretRotationOverlap();
    this.recorded = recorded;
  }

  @Transactional
  public WebhookViews.Created create(WebhookViews.NewWebhook request) {
    WebhookQueries.Values values = checked(request, WebhookPatch.FIELDS);
    String secret = WebhookSecrets.generate();
    long id = queries.insert(values, secret);
    return WebhookViews.Created.of(get(id), secret);
  }

  public WebhookViews.Webhook get(long id) {
    return queries.view(id).map(WebhookService::view).orElseThrow(() -> notFound(id));
  }

  public WebhookViews.WebhookPage list(PageRequest pageRequest) {
    Optional<Long> after =
        pageRequest.cursor().map(c -> cursors.decode(c, LIST_SORT, 1).nonNegativeLong(0));
    long total = queries.count();
    List<WebhookViews.Webhook> rows =
        queries.page(after, pageRequest.offset(), pageRequest.fetchSize()).stream()
            .map(WebhookService::view)
            .toList();
    PageCut<WebhookViews.Webhook> cut =
        PageCut.of(
            rows, pageRequest, cursors, LIST_SORT, last -> List.of(Long.toString(last.id())));
    return new WebhookViews.WebhookPage(cut.shown(), cut.info(pageRequest, total));
  }

  /**
   * Changes the named fields. Enabling a disabled subscription clears the server's reason and makes
   * its pending deliveries due now, rather than at their backed-off instants.
   */
  @Transactional
  public WebhookViews.Webhook update(long id, WebhookPatch patch) {
    WebhookViews.Webhook current = get(id);
    WebhookQueries.Values values = checked(validation.check(patch.applyTo(current)), patch.named());
    queries.update(id, values, patch.named());
    if (patch.named().contains("enabled") && values.enabled() && !current.enabled()) {
      if (queries.makePendingDue(id) > 0) {
        recorded.fire(new WebhookEventsRecorded());
      }
    }
    return get(id);
  }

  @Transactional
  public void delete(long id) {
    if (!queries.delete(id)) {
      throw notFound(id);
    }
  }

  /**
   * A new secret, shown only in this answer; the previous one goes on signing (as a second
   * signature) for {@code pressroom.webhooks.secret-rotation-overlap}, so that receivers can switch
   * without losing a delivery.
   */
  @Transactional
  public WebhookViews.Secret rotateSecret(long id) {
    String secret = WebhookSecrets.generate();
    Instant previousExpiresAt = Instant.now().plus(rotationOverlap).truncatedTo(ChronoUnit.SECONDS);
    if (!queries.rotateSecret(id, secret, previousExpiresAt)) {
      throw notFound(id);
    }
    return new WebhookViews.Secret(secret, previousExpiresAt);
  }

  /** Sends a webhook.test event to this subscription alone; 409 while it is disabled. */
  @Transactional
  public WebhookViews.TestSent test(long id) {
    boolean enabled = queries.enabled(id).orElseThrow(() -> notFound(id));
    if (!enabled) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "This subscription is disabled: nothing is sent to it. Enable it first.",
          List.of(new Problem.FieldError("enabled", "the subscription is disabled")));
    }
    return new WebhookViews.TestSent(recorder.test(id));
  }

  /** The subscription's delivery attempts, newest first; {@code event} keeps one event's. */
  public WebhookViews.AttemptPage attempts(
      long id, Optional<String> event, PageRequest pageRequest) {
    Optional<Long> before =
        pageRequest.cursor().map(c -> cursors.decode(c, LOG_SORT, 1).nonNegativeLong(0));
    Row totals = queries.attemptTotals(id, event);
    if (!totals.bool("found")) {
      throw notFound(id);
    }
    List<WebhookViews.Attempt> rows =
        queries.attempts(id, event, before, pageRequest.offset(), pageRequest.fetchSize()).stream()
            .map(WebhookService::attempt)
            .toList();
    PageCut<WebhookViews.Attempt> cut =
        PageCut.of(rows, pageRequest, cursors, LOG_SORT, last -> List.of(Long.toString(last.id())));
    return new WebhookViews.AttemptPage(
        cut.shown(), cut.info(pageRequest, totals.getLong("total")));
  }

  /**
   * Sends deliveries of this subscription again, due now and with a fresh retry schedule: one
   * event's (unless it is pending already, on its way), or every failed one last tried at or after
   * {@code since}.
   */
  @Transactional
  public WebhookViews.Redelivered redeliver(long id, WebhookViews.RedeliveryRequest request) {
    boolean byEvent = request.event() != null && !request.event().isBlank();
    if (byEvent == (request.since() != null)) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Send either event (a webhook-id) or since (an instant), not both.",
          List.of(new Problem.FieldError("event", "send either event or since")));
    }
    queries.enabled(id).orElseThrow(() -> notFound(id));
    int count;
    if (byEvent) {
      count =
          queries
              .redeliverEvent(id, request.event())
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.NOT_FOUND,
                          "This subscription has no delivery of the event " + request.event() + ".",
                          List.of(
                              new Problem.FieldError(
                                  "event", "no delivery of this event to this subscription"))));
    } else {
      count = queries.redeliverFailedSince(id, request.since());
    }
    if (count > 0) {
      recorded.fire(new WebhookEventsRecorded());
    }
    return new WebhookViews.Redelivered(count);
  }

  /**
   * The stored values of a subscription, or a 422 problem naming every field that cannot be used: a
   * target the policy refuses, an unknown event type, tag or author. Only the {@code named} fields
   * are checked against the database and the network.
   */
  private WebhookQueries.Values checked(WebhookViews.NewWebhook request, Set<String> named) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (named.contains("url")) {
      Optional<String> problem = policy.urlProblem(request.url());
      if (problem.isEmpty()) {
        problem = policy.addressProblem(URI.create(request.url()));
      }
      problem.ifPresent(p -> errors.add(new Problem.FieldError("url", p)));
    }
    List<String> events = distinct(request.events());
    if (named.contains("events")) {
      List<String> known = EventType.subscribable();
      for (String event : events) {
        if (!known.contains(event)) {
          errors.add(
              new Problem.FieldError(
                  "events", "'" + event + "' is not an event type; one of " + known));
        }
      }
    }
    List<String> tags = distinct(request.tags());
    List<String> authors = distinct(request.authors());
    WebhookQueries.Known known =
        queries.resolve(
            named.contains("tags") ? plausible(tags) : List.of(),
            named.contains("authors") ? plausible(authors) : List.of());
    List<Long> tagIds =
        named.contains("tags") ? ids(tags, known.tags(), "tags", "tag", errors) : null;
    List<Long> authorIds =
        named.contains("authors")
            ? ids(authors, known.authors(), "authors", "author", errors)
            : null;
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "The subscription names a target, event type, tag or author that cannot be used.",
          errors);
    }
    return new WebhookQueries.Values(
        request.url(),
        events,
        tagIds,
        authorIds,
        request.description() == null || request.description().isBlank()
            ? null
            : request.description().trim(),
        request.enabled() == null || request.enabled());
  }

  /** The ids of the names, or null (no restriction) for none; unknown names are errors. */
  private static List<Long> ids(
      List<String> names,
      Map<String, Long> known,
      String field,
      String what,
      List<Problem.FieldError> errors) {
    if (names.isEmpty()) {
      return null;
    }
    List<Long> ids = new ArrayList<>();
    for (String name : names) {
      Long id = known.get(name);
      if (id == null) {
        errors.add(
            new Problem.FieldError(
                field,
                "no "
                    + what
                    + " has the "
                    + (what.equals("tag") ? "slug" : "handle")
                    + " '"
                    + name
                    + "'"));
      } else {
        ids.add(id);
      }
    }
    return ids;
  }

  private static List<String> plausible(List<String> names) {
    return names.stream().filter(n -> NAME.matcher(n).matches()).toList();
  }

  private static List<String> distinct(List<String> values) {
    return values == null
        ? List.of()
        : List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).toList()));
  }

  static WebhookViews.Webhook view(Row row) {
    return new WebhookViews.Webhook(
        row.getLong("id"),
        row.text("url"),
        WebhookQueries.split(row.text("events")),
        row.bool("all_tags") ? null : WebhookQueries.split(row.text("tags")),
        row.bool("all_authors") ? null : WebhookQueries.split(row.text("authors")),
        row.text("description"),
        row.bool("enabled"),
        row.text("disabled_reason"),
        row.isNull("disabled_at") ? null : row.instant("disabled_at"),
        row.isNull("previous_secret_expires_at") ? null : row.instant("previous_secret_expires_at"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }

  private static WebhookViews.Attempt attempt(Row row) {
    return new WebhookViews.Attempt(
        row.getLong("id"),
        row.text("message_id"),
        row.text("type"),
        row.instant("attempted_at"),
        row.nullableInt("status"),
        row.getInt("duration_ms"),
        row.text("error"),
        row.text("response_excerpt"),
        row.getInt("attempt"),
        row.text("state"),
        row.text("state").equals("pending") && !row.isNull("next_attempt_at")
            ? row.instant("next_attempt_at")
            : null);
  }

  private static ProblemException notFound(long id) {
    return ProblemException.notFound("No webhook subscription has the id " + id + ".");
  }
}
