package io.plumbline.it.serde;

import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.serde.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Serde settings and unique names for one test, so tests never share subjects. */
final class SerdeSettings {

  private SerdeSettings() {}

  /** A topic name no other test uses. */
  static String uniqueTopic(String prefix) {
    return prefix + "." + UUID.randomUUID();
  }

  /** Settings for {@code registry}, plus alternating keys and values. */
  static Map<String, Object> settings(ApicurioRegistry registry, Object... keysAndValues) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    // Fail fast in tests: a registry that does not answer is a broken test, not a blip.
    settings.put(AvroSerdeConfig.RETRIES, 1);
    settings.put(AvroSerdeConfig.RETRY_BACKOFF_MS, 50);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return settings;
  }
}
