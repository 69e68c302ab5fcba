package io.plumbline.it.reliability;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.topology.PlumblineTopics;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of a reconciler under test: its own application id, topic names prefixed with it (so
 * runs never share a topic) and state directory; and the properties file {@code plumbline run
 * --config} reads.
 */
final class ReconcilerSettings {

  private ReconcilerSettings() {}

  static Map<String, String> of(
      String bootstrap, String registryUrl, String applicationId, Path stateDir) {
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, bootstrap);
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registryUrl);
    settings.put(PlumblineConfig.APPLICATION_ID, applicationId);
    settings.put(PlumblineConfig.STATE_DIR, stateDir.toString());
    PlumblineTopics.defaultNames()
        .forEach(
            (role, name) ->
                settings.put(PlumblineTopics.PREFIX + role, applicationId + "-" + name));
    return settings;
  }

  /**
   * The settings of a process run the way {@code CrashRestartIT} established: HTTP API on a free
   * loopback port, static membership (a restarted process takes its predecessor's place at once).
   */
  static Map<String, String> forChildProcess(
      String bootstrap, String registryUrl, String applicationId, Path stateDir) {
    Map<String, String> settings = of(bootstrap, registryUrl, applicationId, stateDir);
    settings.put(PlumblineConfig.HTTP_HOST, "127.0.0.1");
    settings.put(PlumblineConfig.HTTP_PORT, "0");
    settings.put("streams.consumer.group.instance.id", applicationId);
    return settings;
  }

  static Path write(Map<String, String> settings, Path file, String comment) throws IOException {
    Properties properties = new Properties();
    properties.putAll(settings);
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, comment);
    }
    return file;
  }
}
