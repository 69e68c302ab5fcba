package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the last sync saw, per endpoint: the high-water mark of {@code last_updated} (the next
 * incremental sync asks for objects changed since), the ids listed (a full listing that misses one
 * publishes its tombstone), and the values derived from other objects per id (BMC MAC, draws), so a
 * change to an interface or power port re-publishes its device, type or feed. Kept in a JSON file
 * when a state directory is given, else in memory for the life of the process.
 */
final class SyncState {

  /** One endpoint's state; public fields for Jackson. */
  static final class EndpointState {
    public String highWater;
    public TreeSet<String> ids = new TreeSet<>();
    public TreeMap<String, String> derived = new TreeMap<>();
  }

  /** The saved form. */
  static final class Saved {
    public String baseUrl;
    public TreeMap<String, EndpointState> endpoints = new TreeMap<>();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Saved saved;

  private SyncState(Path file, Saved saved) {
    this.file = file;
    this.saved = saved;
  }

  static SyncState inMemory(String baseUrl) {
    Saved saved = new Saved();
    saved.baseUrl = baseUrl;
    return new SyncState(null, saved);
  }

  /** The state for {@code baseUrl} in {@code dir} (one file per NetBox), empty when none yet. */
  static SyncState load(Path dir, String baseUrl) throws IOException {
    Files.createDirectories(dir);
    String name = "netbox-" + Integer.toHexString(baseUrl.hashCode()) + ".json";
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      Saved saved = new Saved();
      saved.baseUrl = baseUrl;
      return new SyncState(file, saved);
    }
    Saved saved = JSON.readValue(file.toFile(), Saved.class);
    return new SyncState(file, saved);
  }

  boolean isEmpty() {
    return saved.endpoints.isEmpty();
  }

  EndpointState endpoint(String name) {
    return saved.endpoints.computeIfAbsent(name, n -> new EndpointState());
  }

  Map<String, EndpointState> endpoints() {
    return saved.endpoints;
  }

  /** Writes the state atomically (a crash leaves the previous state, never half a file). */
  void save() throws IOException {
    if (file == null) {
      return;
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), saved);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
