package io.plumbline.ingest.telegraf;

import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.ingest.IngestSink;
import io.plumbline.ingest.IngestSource;
import io.plumbline.ingest.telegraf.TelegrafMetricMapper.Mapped;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code plumbline ingest telegraf}: reads Telegraf's JSON metrics (its Kafka output with {@code
 * data_format = "json"}) from a topic, or from a file of JSON lines with {@code --file}, and
 * publishes PowerReadings (keyed by feed) and EnvironmentReadings (keyed by sensor) by the {@code
 * --mapping} rules. A line that is not JSON, not a metric, or that no rule maps goes to the
 * dead-letter topic with the reason. From Kafka, offsets are committed after each polled batch is
 * published (at least once); once ({@code --print}, or in tests) it reads up to the end offsets
 * seen at start and returns.
 *
 * <p>Counters (source {@code telegraf}): read = lines, published = readings, rejected = lines
 * dead-lettered.
 */
public final class TelegrafSource implements IngestSource {

  public static final String NAME = "telegraf";
  public static final String USAGE = "--mapping FILE (--topic T [--group G] | --file FILE)";

  private final TelegrafMetricMapper mapper;
  private final String topic;
  private final String group;
  private final Path file;

  public TelegrafSource(TelegrafMapping mapping, String topic, String group, Path file) {
    this.mapper = new TelegrafMetricMapper(mapping);
    this.topic = topic;
    this.group = group;
    this.file = file;
  }

  /** The factory registered in {@code IngestSources}. */
  public static TelegrafSource fromArguments(List<String> args) {
    TelegrafMapping mapping = null;
    String topic = null;
    String group = "plumbline-ingest-telegraf";
    Path file = null;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(
            "ingest telegraf: " + option + " needs a value; usage: " + USAGE);
      }
      String value = args.get(++i);
      switch (option) {
        case "--mapping" -> mapping = TelegrafMapping.load(Path.of(value));
        case "--topic" -> topic = value;
        case "--group" -> group = value;
        case "--file" -> {
          file = Path.of(value);
          if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--file " + file + ": file not found or unreadable");
          }
        }
        default ->
            throw new IllegalArgumentException(
                "ingest telegraf: unknown option " + option + "; usage: " + USAGE);
      }
    }
    if (mapping == null) {
      throw new IllegalArgumentException("ingest telegraf: --mapping is required");
    }
    if ((topic == null) == (file == null)) {
      throw new IllegalArgumentException("ingest telegraf: give exactly one of --topic and --file");
    }
    return new TelegrafSource(mapping, topic, group, file);
  }

  @Override
  public int run(IngestContext context) throws Exception {
    return file != null ? readFile(context) : consume(context);
  }

  private int readFile(IngestContext context) throws Exception {
    int status = 0;
    context.sink().beginBatch();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          status |= handle(line, file.getFileName() + ":" + number, context);
        }
      }
      context.sink().commitBatch();
    } catch (RuntimeException e) {
      context.sink().abortBatch();
      throw e;
    }
    return status;
  }

  private int consume(IngestContext context) {
    if (context.kafka().isEmpty()) {
      throw new IllegalArgumentException(
          "ingest telegraf --topic needs a Kafka cluster (--config / --set bootstrap.servers=...);"
              + " with --print use --file");
    }
    Map<String, Object> settings = new HashMap<>(context.kafka());
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    int status = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Map<TopicPartition, Long> end = null;
      while (!Thread.currentThread().isInterrupted()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (context.once() && end == null && !consumer.assignment().isEmpty()) {
          end = consumer.endOffsets(consumer.assignment());
        }
        if (!records.isEmpty()) {
          context.sink().beginBatch();
          try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
              String line =
                  new String(
                      record.value() == null ? new byte[0] : record.value(),
                      StandardCharsets.UTF_8);
              status |=
                  handle(
                      line,
                      record.topic() + "-" + record.partition() + "@" + record.offset(),
                      context);
            }
            context.sink().commitBatch();
          } catch (RuntimeException e) {
            context.sink().abortBatch();
            throw e;
          }
          consumer.commitSync();
        }
        if (end != null && reached(consumer, end)) {
          return status;
        }
      }
    }
    return status;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    Set<TopicPartition> assigned = consumer.assignment();
    return end.entrySet().stream()
        .filter(e -> assigned.contains(e.getKey()))
        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private int handle(String line, String location, IngestContext context) {
    IngestSink sink = context.sink();
    context.counters().count(NAME, Outcome.READ);
    List<Mapped> readings;
    try {
      readings = mapper.map(line);
    } catch (IllegalArgumentException e) {
      sink.deadLetter(NAME, location, line.getBytes(StandardCharsets.UTF_8), e.getMessage());
      context.counters().count(NAME, Outcome.REJECTED);
      context.progress().println("telegraf " + location + ": rejected: " + e.getMessage());
      return 1;
    }
    for (Mapped mapped : readings) {
      String target =
          mapped.reading() instanceof PowerReading
              ? context.topics().powerReadings()
              : context.topics().environmentReadings();
      sink.send(target, mapped.key(), mapped.reading());
      context.counters().count(NAME, Outcome.PUBLISHED);
    }
    return 0;
  }
}
