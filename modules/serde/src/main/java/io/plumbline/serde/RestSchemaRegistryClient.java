package io.plumbline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Speaks the Confluent Schema Registry REST API (v1 media type), one HTTP request per call, and
 * maps the registry's error codes to this package's exceptions. Wrapped in a {@link
 * CachingSchemaRegistryClient} for use.
 */
final class RestSchemaRegistryClient implements SchemaRegistryClient {

  // Confluent error codes
  // (https://docs.confluent.io/platform/current/schema-registry/develop/api.html).
  private static final int SUBJECT_NOT_FOUND = 40401;

  private final RegistryHttpTransport transport;

  RestSchemaRegistryClient(RegistryHttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public int register(String subject, Schema schema) {
    String path = "/subjects/" + encode(subject) + "/versions";
    RegistryResponse response = transport.send("POST", path, Optional.of(schemaBody(schema)));
    if (response.status() == 409) {
      throw new IncompatibleSchemaException(
          subject,
          String.format(
              "Schema registry at %s refused schema %s for subject '%s' as incompatible with the"
                  + " subject's compatibility level: %s",
              response.registryUrl(), schema.getFullName(), subject, response.errorMessage()));
    }
    if (response.status() == 422) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s refused schema %s for subject '%s' as invalid (error %d): %s",
              response.registryUrl(),
              schema.getFullName(),
              subject,
              response.errorCode(),
              response.errorMessage()));
    }
    return requiredInt(expectSuccess(response, "POST", path), "id", response);
  }

  @Override
  public int getId(String subject, Schema schema) {
    String path = "/subjects/" + encode(subject);
    RegistryResponse response = transport.send("POST", path, Optional.of(schemaBody(schema)));
    if (response.status() == 404) {
      throw new SchemaNotRegisteredException(
          subject,
          String.format(
              "Subject '%s' at schema registry %s does not hold schema %s%s",
              subject,
              response.registryUrl(),
              schema.getFullName(),
              response.errorCode() == SUBJECT_NOT_FOUND ? " (the subject does not exist)" : ""));
    }
    return requiredInt(expectSuccess(response, "POST", path), "id", response);
  }

  @Override
  public Schema getSchemaById(int id) {
    String path = "/schemas/ids/" + id;
    RegistryResponse response = transport.send("GET", path, Optional.empty());
    if (response.status() == 404) {
      throw new UnknownSchemaIdException(id, response.registryUrl());
    }
    return avroSchema(expectSuccess(response, "GET", path), response, "schema id " + id);
  }

  @Override
  public RegisteredSchema getLatestVersion(String subject) {
    String path = "/subjects/" + encode(subject) + "/versions/latest";
    RegistryResponse response = transport.send("GET", path, Optional.empty());
    if (response.status() == 404) {
      throw new SchemaNotRegisteredException(
          subject,
          String.format(
              "Subject '%s' has no versions at schema registry %s (%s)",
              subject, response.registryUrl(), response.errorMessage()));
    }
    JsonNode json = expectSuccess(response, "GET", path);
    return new RegisteredSchema(
        subject,
        requiredInt(json, "id", response),
        requiredInt(json, "version", response),
        avroSchema(json, response, "subject '" + subject + "'"));
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest";
    RegistryResponse response = transport.send("POST", path, Optional.of(schemaBody(schema)));
    if (response.status() == 404 && response.errorCode() == SUBJECT_NOT_FOUND) {
      // Confluent answers 40401 for a new subject, Apicurio answers true: nothing to break either
      // way.
      return true;
    }
    JsonNode compatible = expectSuccess(response, "POST", path).path("is_compatible");
    if (!compatible.isBoolean()) {
      throw unexpected(response, "POST", path, "no is_compatible field");
    }
    return compatible.asBoolean();
  }

  @Override
  public List<String> getAllSubjects() {
    RegistryResponse response = transport.send("GET", "/subjects", Optional.empty());
    JsonNode json = expectSuccess(response, "GET", "/subjects");
    if (!json.isArray()) {
      throw unexpected(response, "GET", "/subjects", "not a JSON array");
    }
    List<String> subjects = new ArrayList<>();
    json.forEach(subject -> subjects.add(subject.asText()));
    return List.copyOf(subjects);
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient[" + transport.displayUrls() + "]";
  }

  private static String schemaBody(Schema schema) {
    // schemaType is left out: AVRO is the default, and older registries reject the field.
    ObjectNode body = RegistryResponse.JSON.createObjectNode();
    body.put("schema", schema.toString());
    return body.toString();
  }

  private static JsonNode expectSuccess(RegistryResponse response, String method, String path) {
    if (!response.isSuccess()) {
      throw unexpected(response, method, path, response.errorMessage());
    }
    return response.json();
  }

  private static Schema avroSchema(JsonNode json, RegistryResponse response, String what) {
    String type = json.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s holds a %s schema for %s, not an Avro one",
              response.registryUrl(), type, what));
    }
    if (json.path("references").size() > 0) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s returned %s with schema references, which this client does"
                  + " not resolve",
              response.registryUrl(), what));
    }
    JsonNode text = json.path("schema");
    if (!text.isTextual()) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s returned no schema text for %s",
              response.registryUrl(), what));
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s returned an Avro schema for %s that does not parse: %s",
              response.registryUrl(), what, e.getMessage()),
          e);
    }
  }

  private static int requiredInt(JsonNode json, String field, RegistryResponse response) {
    JsonNode value = json.path(field);
    if (!value.canConvertToInt()) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s answered without an integer '%s': %s",
              response.registryUrl(), field, response.body()));
    }
    return value.asInt();
  }

  private static SchemaRegistryException unexpected(
      RegistryResponse response, String method, String path, String detail) {
    return new SchemaRegistryException(
        String.format(
            "Schema registry at %s answered HTTP %d to %s %s: %s",
            response.registryUrl(), response.status(), method, path, detail));
  }

  private static String encode(String subject) {
    // URLEncoder encodes for forms; a path segment wants %20 for a space, not '+'.
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
