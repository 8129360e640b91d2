package io.pressroom.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Gives the HTTP server timer fixed latency buckets ({@code http_server_requests_seconds_bucket}),
 * so that Prometheus computes p50, p95 and p99 across every instance with {@code
 * histogram_quantile}; percentiles computed inside one instance could not be added up. A dozen
 * buckets rather than Micrometer's seventy keep the series per endpoint few.
 */
public class LatencyHistograms {

  static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  static final Duration[] BUCKETS =
      Stream.of(2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  @Produces
  @Singleton
  MeterFilter httpServerLatencyBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
          return config;
        }
        double[] nanos = Stream.of(BUCKETS).mapToDouble(Duration::toNanos).toArray();
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(nanos)
            .build()
            .merge(config);
      }
    };
  }
}
