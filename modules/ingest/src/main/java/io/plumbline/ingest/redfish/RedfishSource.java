package io.plumbline.ingest.redfish;

import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.ingest.IngestSink;
import io.plumbline.ingest.IngestSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code plumbline ingest redfish}: crawls every BMC, at most {@code --concurrency} at a time, and
 * publishes per BMC one {@code ObservedSystem} (keyed by BMC id) plus PDU power readings (keyed by
 * feed) and CDU environment readings (keyed by sensor), each BMC's records as one batch. Repeats
 * every {@code --interval}, or once with {@code --print}.
 *
 * <p>Counters (source {@code redfish}): read = records built plus PDUs that could not become one,
 * published, rejected = unreachable BMCs and unmapped PDUs (dead-lettered). Per-resource errors (a
 * link that failed) are counted under source {@code redfish.resources} as rejected and listed per
 * BMC on standard error.
 */
public final class RedfishSource implements IngestSource {

  public static final String NAME = "redfish";
  static final String RESOURCES = "redfish.resources";

  private final RedfishOptions options;
  private final Clock clock;

  public RedfishSource(RedfishOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /** The factory registered in {@code IngestSources}. */
  public static RedfishSource fromArguments(List<String> args) {
    return new RedfishSource(RedfishOptions.parse(args), Clock.systemUTC());
  }

  @Override
  public int run(IngestContext context) throws Exception {
    TlsTrust trust = options.trust();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.retry().timeout())
            .sslContext(trust.sslContext())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    if (options.insecure()) {
      context.progress().println("redfish: --insecure: BMC certificates are NOT verified");
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(options.concurrency(), options.bmcs().size()),
            runnable -> {
              Thread thread = new Thread(runnable, "redfish-crawl");
              thread.setDaemon(true);
              return thread;
            });
    try {
      int status;
      do {
        status = crawlAll(http, pool, trust.description(), context);
        if (!context.once()) {
          Thread.sleep(options.interval().toMillis());
        }
      } while (!context.once() && !Thread.currentThread().isInterrupted());
      return status;
    } finally {
      pool.shutdownNow();
    }
  }

  private int crawlAll(HttpClient http, ExecutorService pool, String trust, IngestContext context)
      throws InterruptedException {
    CompletionService<BmcCrawl> crawls = new ExecutorCompletionService<>(pool);
    for (URI bmc : options.bmcs()) {
      crawls.submit(() -> BmcCrawl.of(http, bmc, options, trust, clock));
    }
    int status = 0;
    for (int i = 0; i < options.bmcs().size(); i++) {
      try {
        status |= publish(crawls.take().get(), context);
      } catch (ExecutionException e) {
        // BmcCrawl does not throw; an Error here is a bug worth surfacing.
        throw new IllegalStateException("crawl failed", e.getCause());
      }
    }
    return status;
  }

  private int publish(BmcCrawl crawl, IngestContext context) {
    if (crawl.failure() != null) {
      context.progress().println("redfish " + crawl.address() + ": not read: " + crawl.failure());
      context.counters().count(NAME, Outcome.REJECTED);
      return 1;
    }
    IngestSink sink = context.sink();
    int records =
        (crawl.system().isPresent() ? 1 : 0) + crawl.power().size() + crawl.environment().size();
    context.counters().count(NAME, Outcome.READ, records + crawl.unmappedPdus().size());
    sink.beginBatch();
    try {
      crawl.system().ifPresent(s -> sink.send(context.topics().observedSystems(), s.getBmcId(), s));
      for (PowerReading reading : crawl.power()) {
        sink.send(context.topics().powerReadings(), reading.getFeedId(), reading);
      }
      for (EnvironmentReading reading : crawl.environment()) {
        sink.send(context.topics().environmentReadings(), reading.getSensorId(), reading);
      }
      sink.commitBatch();
    } catch (RuntimeException e) {
      sink.abortBatch();
      throw e;
    }
    context.counters().count(NAME, Outcome.PUBLISHED, records);
    for (PduReadings.Unmapped pdu : crawl.unmappedPdus()) {
      sink.deadLetter(
          NAME, pdu.location(), pdu.raw().getBytes(StandardCharsets.UTF_8), pdu.reason());
      context.counters().count(NAME, Outcome.REJECTED);
      context.progress().println("redfish " + crawl.address() + ": " + pdu.reason());
    }
    for (String cdu : crawl.unmappedCdus()) {
      context
          .progress()
          .println(
              "redfish "
                  + crawl.address()
                  + ": no rack in --pdu-map for CDU "
                  + cdu
                  + "; readings published without a rack");
    }
    context
        .progress()
        .println(
            "redfish "
                + crawl.address()
                + ": "
                + (crawl.system().isPresent() ? "1 system, " : "")
                + crawl.power().size()
                + " power readings, "
                + crawl.environment().size()
                + " environment readings, "
                + crawl.errors().size()
                + " resource errors");
    for (String error : crawl.errors()) {
      context.progress().println("  " + error);
    }
    if (!crawl.errors().isEmpty()) {
      context.counters().count(RESOURCES, Outcome.REJECTED, crawl.errors().size());
    }
    return crawl.errors().isEmpty() && crawl.unmappedPdus().isEmpty() ? 0 : 1;
  }
}
