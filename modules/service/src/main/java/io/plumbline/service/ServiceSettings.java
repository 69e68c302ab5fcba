package io.plumbline.service;

import io.plumbline.topology.PlumblineTopics;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the HTTP service needs, already validated by the app's configuration.
 *
 * @param host address to bind ({@code 0.0.0.0} for every interface)
 * @param port port to bind; 0 picks a free one
 * @param advertised this instance's {@code application.server} (host:port other instances call), or
 *     null when it runs alone
 * @param authToken the bearer token, or null for none; never logged
 * @param authReads whether reads need the token too
 * @param kafkaClients settings for the service's own producer and consumer (bootstrap servers,
 *     security)
 * @param registrySettings schema registry settings for their serdes
 * @param topics topic names
 */
public record ServiceSettings(
    String host,
    int port,
    HostInfo advertised,
    String authToken,
    boolean authReads,
    Map<String, Object> kafkaClients,
    Map<String, ?> registrySettings,
    PlumblineTopics topics) {

  public ServiceSettings {
    kafkaClients = Map.copyOf(kafkaClients);
    registrySettings = Map.copyOf(registrySettings);
  }

  /** Keeps the token out of logs and exception messages. */
  @Override
  public String toString() {
    return "ServiceSettings[host="
        + host
        + ", port="
        + port
        + ", advertised="
        + advertised
        + ", authToken="
        + (authToken == null ? "none" : "(set)")
        + ", authReads="
        + authReads
        + "]";
  }
}
