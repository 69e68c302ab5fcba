package io.plumbline.app;

import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.IngestSink;
import io.plumbline.ingest.IngestSource;
import io.plumbline.ingest.IngestSources;
import io.plumbline.ingest.JsonLinesSink;
import io.plumbline.ingest.KafkaSink;
import io.plumbline.topology.PlumblineTopics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * {@code plumbline ingest <source> [--print] [--config FILE] [--set k=v] <source options>}: reads
 * one source system and publishes normalised records, or with {@code --print} writes them to
 * standard output as JSON lines, reading the source once.
 */
final class IngestCommand implements Command {

  @Override
  public String usage() {
    String sources =
        IngestSources.all().entrySet().stream()
            .map(e -> "    " + e.getKey() + " " + e.getValue().usage())
            .collect(Collectors.joining("\n"));
    return "ingest <source> [--print] [--config FILE] [--set key=value] <source options>\n"
        + "                                            read a source system; sources:\n"
        + sources;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.isEmpty() || !IngestSources.all().containsKey(args.get(0))) {
      throw new IllegalArgumentException(
          "ingest needs a source, one of " + IngestSources.all().keySet());
    }
    String name = args.get(0);
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    boolean print = rest.remove("--print");
    ConfigArguments arguments = ConfigArguments.parse(rest);
    IngestSource source = IngestSources.all().get(name).factory().apply(arguments.rest());
    IngestCounters counters = IngestCounters.inMemory();
    int status;
    if (print) {
      PlumblineTopics topics = PlumblineTopics.from(arguments.flags());
      try (IngestSink sink = new JsonLinesSink(out)) {
        status = source.run(new IngestContext(sink, topics, counters, err, true));
      }
    } else {
      PlumblineConfig config = arguments.load();
      IngestMetricsEndpoint metrics =
          config.ingestMetricsPort().isPresent()
              ? IngestMetricsEndpoint.start(
                  config.httpHost(), config.ingestMetricsPort().getAsInt())
              : null;
      if (metrics != null) {
        counters = metrics.counters();
        err.println(
            "ingest metrics on http://" + config.httpHost() + ":" + metrics.port() + "/metrics");
      }
      try (IngestSink sink = kafkaSink(config, name)) {
        status =
            source.run(
                new IngestContext(
                    sink, config.topics(), counters, err, false, clientSettings(config)));
      } finally {
        if (metrics != null) {
          metrics.close();
        }
      }
    }
    err.print(counters.summary());
    return status;
  }

  /** Bootstrap servers and the cluster overrides (security...), for clients a source makes. */
  private static Map<String, Object> clientSettings(PlumblineConfig config) {
    Map<String, Object> settings = new HashMap<>(config.kafkaClientSettings());
    settings.putAll(config.streamsOverrides());
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return settings;
  }

  private static IngestSink kafkaSink(PlumblineConfig config, String source) {
    Map<String, Object> producer = clientSettings(config);
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, "plumbline-ingest-" + source);
    return new KafkaSink(
        producer,
        config.registrySettings(),
        "plumbline-ingest-" + source + "-" + UUID.randomUUID(),
        config.topics().deadLetters());
  }
}
