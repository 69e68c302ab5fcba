package io.plumbline.ingest;

/**
 * One system Plumbline reads (NetBox, Redfish BMCs, a purchase-order file...). Built from its own
 * command-line arguments by {@link IngestSources}, then run with an {@link IngestContext}.
 */
public interface IngestSource {

  /**
   * Reads the source (once when {@link IngestContext#once()}, else until interrupted) and hands
   * every normalised record to the sink. Per-record problems are reported and dead-lettered, never
   * thrown; an exception means the source as a whole could not be read.
   *
   * @return the process exit status: 0 when everything was read, 1 when some input was rejected
   */
  int run(IngestContext context) throws Exception;
}
