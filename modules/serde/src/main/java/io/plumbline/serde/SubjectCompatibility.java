package io.plumbline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sets and reads the compatibility level of one registry subject ({@code PUT} and {@code GET
 * /config/<subject>} of the Confluent REST API), over the same connection, credentials, trust store
 * and retries as the serdes. A subject's level overrides the registry's global one and may be set
 * before the subject has any version (Confluent's registry and Apicurio 3 both allow it).
 *
 * <p>Not for {@code mock://} registries, whose level is fixed (BACKWARD).
 */
public final class SubjectCompatibility {

  private final RegistryHttpTransport transport;

  /**
   * @throws IllegalArgumentException for a {@code mock://} registry
   */
  public SubjectCompatibility(AvroSerdeConfig config) {
    this.transport =
        new RegistryHttpTransport(
            config
                .connection()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "a mock:// registry has a fixed compatibility level")));
  }

  /**
   * Sets {@code subject}'s level, e.g. {@code FULL_TRANSITIVE}.
   *
   * @throws SchemaRegistryException when the registry refuses it (an unknown level: HTTP 422)
   */
  public void set(String subject, String level) {
    ObjectNode body = RegistryResponse.JSON.createObjectNode();
    body.put("compatibility", level);
    String path = path(subject);
    RegistryResponse response = transport.send("PUT", path, Optional.of(body.toString()));
    if (!response.isSuccess()) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s refused compatibility %s for subject '%s' (HTTP %d): %s",
              response.registryUrl(), level, subject, response.status(), response.errorMessage()));
    }
  }

  /**
   * The level set on {@code subject} itself, without falling back to the global one; empty when
   * none is set.
   */
  public Optional<String> get(String subject) {
    String path = path(subject) + "?defaultToGlobal=false";
    RegistryResponse response = transport.send("GET", path, Optional.empty());
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.isSuccess()) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s answered HTTP %d to GET %s: %s",
              response.registryUrl(), response.status(), path, response.errorMessage()));
    }
    JsonNode level = response.json().path("compatibilityLevel");
    return level.isTextual() ? Optional.of(level.asText()) : Optional.empty();
  }

  private static String path(String subject) {
    // URLEncoder encodes for forms; a path segment wants %20 for a space, not '+'.
    return "/config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
