package io.plumbline.serde;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to talk to one registry over HTTP. A value: equal connections share one client,
 * and with it one cache.
 */
record RegistryConnection(
    List<Endpoint> endpoints,
    Optional<TrustStore> trustStore,
    Duration requestTimeout,
    int retries,
    Duration retryBackoff) {

  RegistryConnection {
    endpoints = List.copyOf(endpoints);
  }

  /** The URLs as they may appear in messages and logs: without credentials. */
  String displayUrls() {
    return endpoints.size() == 1
        ? endpoints.get(0).displayUrl()
        : endpoints.stream().map(Endpoint::displayUrl).toList().toString();
  }

  @Override
  public String toString() {
    return "RegistryConnection" + endpoints.stream().map(Endpoint::displayUrl).toList();
  }

  /**
   * One base URL of the registry.
   *
   * @param baseUri the URL without user info and without a trailing slash
   * @param authorization the HTTP Authorization header value, if credentials are configured
   */
  record Endpoint(URI baseUri, Optional<String> authorization) {

    String displayUrl() {
      return baseUri.toString();
    }

    @Override
    public String toString() {
      return displayUrl();
    }
  }

  /** A trust store for HTTPS registries with a private CA. */
  record TrustStore(String location, Optional<String> password, String type) {

    @Override
    public String toString() {
      return "TrustStore[" + location + ", " + type + "]";
    }
  }
}
