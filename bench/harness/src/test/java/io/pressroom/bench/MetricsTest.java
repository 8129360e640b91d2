package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void sumsEveryRequestSeries() {
    String text =
        "# HELP http_server_requests_seconds\n"
            + "# TYPE http_server_requests_seconds summary\n"
            + "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
            + "uri=\"/api/v1/articles/{slug}\"} 756680.0\n"
            + "http_server_requests_seconds_sum{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
            + "uri=\"/api/v1/articles/{slug}\"} 150.2\n"
            + "http_server_requests_seconds_count{method=\"GET\",outcome=\"UNKNOWN\",status=\"200\","
            + "uri=\"RESET\"} 31.0\n"
            + "jvm_threads_live_threads 42.0\n";

    assertThat(Metrics.servedRequests(text)).isEqualTo(756_711L);
  }

  @Test
  void noCounterGivesNull() {
    assertThat(Metrics.servedRequests("jvm_threads_live_threads 42.0\n")).isNull();
  }
}
