package io.plumbline.ingest.files;

import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.ingest.IngestSource;
import io.plumbline.ingest.SourceArguments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;

/**
 * {@code plumbline ingest po --file F} and {@code ingest receipts --file F}: reads each file (CSV
 * or JSON lines), reports every bad row on standard error as {@code file:line: reason} and sends it
 * to the dead-letter topic, and publishes the good rows of a file in one transaction, so a file
 * lands whole or not at all. Exit status 1 when any row was rejected or a file could not be
 * published.
 */
public final class FileSource implements IngestSource {

  /** One-line usage for the help text. */
  public static final String USAGE = "--file F [--file F ...]   (CSV with a header row, or .jsonl)";

  private final String name;
  private final List<Path> files;
  private final RowMapping<? extends SpecificRecord> mapping;
  private final Function<IngestContext, String> topic;

  private FileSource(
      String name,
      List<Path> files,
      RowMapping<? extends SpecificRecord> mapping,
      Function<IngestContext, String> topic) {
    this.name = name;
    this.files = files;
    this.mapping = mapping;
    this.topic = topic;
  }

  /** {@code ingest po}: purchase-order lines. */
  public static FileSource purchaseOrders(List<String> argv) {
    return new FileSource(
        "po", files("po", argv), new PurchaseOrderRows(), c -> c.topics().purchaseOrders());
  }

  /** {@code ingest receipts}: dock receipts. */
  public static FileSource receipts(List<String> argv) {
    return new FileSource(
        "receipts", files("receipts", argv), new ReceiptRows(), c -> c.topics().receipts());
  }

  private static List<Path> files(String source, List<String> argv) {
    SourceArguments args = SourceArguments.parse(source, argv, Set.of("--file"), Set.of());
    args.required("--file");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      if (argv.get(i).equals("--file")) {
        files.add(Path.of(argv.get(i + 1)));
      } else if (argv.get(i).startsWith("--file=")) {
        files.add(Path.of(argv.get(i).substring("--file=".length())));
      }
    }
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(source + ": --file " + file + " cannot be read");
      }
    }
    return files;
  }

  @Override
  public int run(IngestContext context) throws Exception {
    boolean clean = true;
    for (Path file : files) {
      clean &= ingest(file, context);
    }
    return clean ? 0 : 1;
  }

  private boolean ingest(Path file, IngestContext context) throws java.io.IOException {
    int[] rejected = {0};
    List<Row> rows =
        RowFile.read(
            file,
            (row, reason) -> {
              context.counters().count(name, Outcome.READ);
              reject(file, row, reason, context);
              rejected[0]++;
            });
    List<Map.Entry<String, SpecificRecord>> good = new ArrayList<>();
    for (Row row : rows) {
      context.counters().count(name, Outcome.READ);
      try {
        SpecificRecord record = mapping.map(row);
        good.add(Map.entry(keyOf(record), record));
      } catch (RowException e) {
        reject(file, row, e.getMessage(), context);
        rejected[0]++;
      }
    }
    String topicName = topic.apply(context);
    context.sink().beginBatch();
    try {
      for (Map.Entry<String, SpecificRecord> record : good) {
        context.sink().send(topicName, record.getKey(), record.getValue());
      }
      context.sink().commitBatch();
    } catch (KafkaException | IllegalStateException e) {
      context.sink().abortBatch();
      context
          .progress()
          .printf("%s: %s: nothing published, the transaction failed: %s%n", name, file, e);
      return false;
    }
    context.counters().count(name, Outcome.PUBLISHED, good.size());
    context
        .progress()
        .printf("%s: %s: %d rows published, %d rejected%n", name, file, good.size(), rejected[0]);
    return rejected[0] == 0;
  }

  @SuppressWarnings("unchecked")
  private String keyOf(SpecificRecord record) {
    return ((RowMapping<SpecificRecord>) mapping).key(record);
  }

  private void reject(Path file, Row row, String reason, IngestContext context) {
    String location = file.getFileName() + ":" + row.line();
    context.progress().println(file + ":" + row.line() + ": " + reason);
    context.sink().deadLetter(name, location, row.raw().getBytes(StandardCharsets.UTF_8), reason);
    context.counters().count(name, Outcome.REJECTED);
  }
}
