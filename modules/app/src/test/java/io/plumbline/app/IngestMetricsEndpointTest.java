package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.ingest.IngestCounters.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class IngestMetricsEndpointTest {

  @Test
  void servesTheIngestCountersAsPrometheusText() throws Exception {
    try (IngestMetricsEndpoint endpoint = IngestMetricsEndpoint.start("127.0.0.1", 0)) {
      endpoint.counters().count("po", Outcome.READ, 3);
      endpoint.counters().count("po", Outcome.PUBLISHED, 2);
      endpoint.counters().count("po", Outcome.REJECTED, 1);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(response.body())
          .contains("plumbline_ingest_records_total{outcome=\"read\",source=\"po\"} 3.0")
          .contains("plumbline_ingest_records_total{outcome=\"published\",source=\"po\"} 2.0")
          .contains("plumbline_ingest_records_total{outcome=\"rejected\",source=\"po\"} 1.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void aBadPortStopsStartUpNamingTheSetting() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                PlumblineConfig.of(
                    java.util.Map.of(
                        "bootstrap.servers", "127.0.0.1:9092",
                        "schema.registry.url", "http://127.0.0.1:8081",
                        "ingest.metrics.port", "ninety")))
        .hasMessageContaining("ingest.metrics.port");
  }
}
