package io.plumbline.ingest;

import io.plumbline.ingest.files.FileSource;
import io.plumbline.ingest.netbox.NetboxSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ingest sources by command name ({@code plumbline ingest <name> ...}). Each entry builds a
 * source from the arguments that follow its name, throwing {@link IllegalArgumentException} with a
 * usage message for arguments it does not understand.
 */
public final class IngestSources {

  /** A source's name, one-line usage, and factory. */
  public record Entry(String usage, Function<List<String>, IngestSource> factory) {}

  private static final Map<String, Entry> SOURCES = new TreeMap<>();

  static {
    // One line per source: register(name, usage, factory).
    register("netbox", NetboxSource.USAGE, NetboxSource::fromArguments);
    register("po", FileSource.USAGE, FileSource::purchaseOrders);
    register("receipts", FileSource.USAGE, FileSource::receipts);
    register(
        "redfish",
        io.plumbline.ingest.redfish.RedfishOptions.USAGE,
        io.plumbline.ingest.redfish.RedfishSource::fromArguments);
  }

  private IngestSources() {}

  private static void register(
      String name, String usage, Function<List<String>, IngestSource> factory) {
    SOURCES.put(name, new Entry(usage, factory));
  }

  /** Every registered source by name, sorted. */
  public static Map<String, Entry> all() {
    return java.util.Collections.unmodifiableMap(SOURCES);
  }
}
