package io.plumbline.serde;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates the registry client for a serde configuration. Clients are shared: every serde configured
 * with the same registry connection gets the same client and therefore one cache, which matters in
 * Kafka Streams where each task configures its own serde instances.
 *
 * <p>A {@code mock://<scope>} URL gives an in-memory registry shared by every serde configured with
 * that scope in this JVM (like Confluent's {@code mock://}), so a test's serializer and
 * deserializer see the same ids. Tests drop it with {@link #dropMockScope} to start clean.
 */
public final class SchemaRegistryClients {

  private static final ConcurrentMap<RegistryConnection, SchemaRegistryClient> HTTP_CLIENTS =
      new ConcurrentHashMap<>();
  private static final ConcurrentMap<String, SchemaRegistryClient> MOCK_SCOPES =
      new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  /** Returns the (shared) client for the registry that {@code config} names. */
  public static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
    if (config.isMockRegistry()) {
      String scope = config.mockScope().orElseThrow();
      return MOCK_SCOPES.computeIfAbsent(
          scope, s -> new InMemorySchemaRegistryClient(AvroSerdeConfig.MOCK_SCHEME + s));
    }
    return HTTP_CLIENTS.computeIfAbsent(
        config.connection().orElseThrow(), SchemaRegistryClients::httpClient);
  }

  /**
   * Returns a client with a cache of its own, shared with nobody: for tools and tests that must see
   * the registry's answers rather than a warm cache. For {@code mock://} it is the scope's
   * registry, since that registry is its state.
   */
  public static SchemaRegistryClient createUnshared(AvroSerdeConfig config) {
    return config.isMockRegistry()
        ? forConfig(config)
        : httpClient(config.connection().orElseThrow());
  }

  private static SchemaRegistryClient httpClient(RegistryConnection connection) {
    return new CachingSchemaRegistryClient(
        new RestSchemaRegistryClient(new RegistryHttpTransport(connection)));
  }

  /** Forgets the in-memory registry of {@code mock://<scope>}; the next use starts empty. */
  public static void dropMockScope(String scope) {
    MOCK_SCOPES.remove(scope);
  }
}
