package io.plumbline.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Removes the properties that Avro's Java code generator and reflection add to schemas ({@code
 * "avro.java.string": "String"}, {@code java-class}, ...). They mean nothing to other languages,
 * yet registries compare them: Apicurio (with canonical hashing) and Confluent give the generated
 * class's schema and the contract in {@code schemas/*.avsc} two different ids unless they go. Docs,
 * defaults, aliases and logical types stay.
 */
final class JavaSchemaProperties {

  private static final Set<String> JAVA_ONLY =
      Set.of("java-class", "java-key-class", "java-element-class");

  private JavaSchemaProperties() {}

  /** Returns {@code schema} without Java-only properties; the same instance if it had none. */
  static Schema strip(Schema schema) {
    JsonNode tree;
    try {
      tree = RegistryResponse.JSON.readTree(schema.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Avro wrote a schema that is not JSON: " + schema, e);
    }
    if (!stripSchemaNode(tree)) {
      return schema;
    }
    return new Schema.Parser().parse(tree.toString());
  }

  /** Strips a schema (object, union array or type name); returns whether anything was removed. */
  private static boolean stripSchemaNode(JsonNode node) {
    if (node instanceof ArrayNode union) {
      boolean changed = false;
      for (JsonNode branch : union) {
        changed |= stripSchemaNode(branch);
      }
      return changed;
    }
    if (!(node instanceof ObjectNode object)) {
      return false;
    }
    boolean changed = removeJavaProperties(object);
    for (String child : new String[] {"type", "items", "values"}) {
      if (object.has(child)) {
        changed |= stripSchemaNode(object.get(child));
      }
    }
    if (object.get("fields") instanceof ArrayNode fields) {
      for (JsonNode field : fields) {
        if (field instanceof ObjectNode fieldObject) {
          // A field's own properties, then its type; its default is data and is left alone.
          changed |= removeJavaProperties(fieldObject);
          changed |= stripSchemaNode(fieldObject.get("type"));
        }
      }
    }
    return changed;
  }

  private static boolean removeJavaProperties(ObjectNode object) {
    List<String> javaOnly = new ArrayList<>();
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("avro.java.") || JAVA_ONLY.contains(name)) {
                javaOnly.add(name);
              }
            });
    object.remove(javaOnly);
    return !javaOnly.isEmpty();
  }
}
