package io.pressroom.delivery;

/**
 * Fired by this instance's search index when searches start seeing a new state of the articles (it
 * applied changes from the feed, or it became ready): what was built from the state before, such as
 * a kept suggestion, may be stale. The index follows commits a moment after their invalidations
 * reach the caches, so those invalidations alone could let an answer built in between outlive it.
 */
public record SearchAnswersChanged() {}
