package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document parses and describes exactly the routes the server serves. */
class OpenApiTest {

  @Test
  void describesEveryRouteTheServerServes() throws Exception {
    JsonNode spec;
    try (InputStream in = ApiRoutes.class.getResourceAsStream(ApiRoutes.OPENAPI_RESOURCE)) {
      assertThat(in).isNotNull();
      spec = ApiResponse.JSON.readTree(in);
    }
    assertThat(spec.path("openapi").asText()).startsWith("3.");
    assertThat(spec.path("info").path("title").asText()).isNotBlank();

    Set<String> documented = new TreeSet<>();
    for (var path : spec.path("paths").properties()) {
      for (var method : path.getValue().properties()) {
        documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    Set<String> served = new TreeSet<>();
    routes().router().routes().forEach(r -> served.add(r.method() + " " + r.pattern()));

    assertThat(documented).isEqualTo(served);
  }

  @Test
  void everyReferencedSchemaExists() throws Exception {
    String text;
    try (InputStream in = ApiRoutes.class.getResourceAsStream(ApiRoutes.OPENAPI_RESOURCE)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonNode schemas = ApiResponse.JSON.readTree(text).path("components").path("schemas");
    var refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
    while (refs.find()) {
      assertThat(schemas.has(refs.group(1))).as("schema %s", refs.group(1)).isTrue();
    }
  }

  private static ApiRoutes routes() {
    return new ApiRoutes(
        () -> KafkaStreams.State.RUNNING,
        new Readiness(),
        null,
        null,
        null,
        null,
        new BearerToken(null, false),
        Clock.systemUTC());
  }
}
