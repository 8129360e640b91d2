package io.pressroom.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code pressroom_response_cache_requests_total{result=hit|miss}}: the hit ratio of each
 * instance's response cache, counted over the requests it could have served; and {@code
 * pressroom_response_cache_worker_hits_total}, the hits that waited for a worker thread (keyed
 * clients, and signed-in readers while rate limits are on or whose check or own state was not in
 * memory): every other hit is answered on the event loop. The global registry hands the counts to
 * Prometheus; the counters are made once so that a hit costs one add.
 */
final class ResponseCacheCounters {

  static final String NAME = "pressroom.response.cache.requests";
  static final Counter HITS = Metrics.counter(NAME, "result", "hit");
  static final Counter MISSES = Metrics.counter(NAME, "result", "miss");
  static final Counter WORKER_HITS = Metrics.counter("pressroom.response.cache.worker.hits");

  private ResponseCacheCounters() {}
}
