package io.plumbline.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** A sink that keeps what it is given, batch by batch, for assertions. */
public final class RecordingSink implements IngestSink {

  /** A published record (value null for a tombstone). */
  public record Sent(String topic, String key, SpecificRecord value) {}

  /** A dead letter. */
  public record Dead(String source, String location, String raw, String reason) {}

  public final List<Sent> committed = new ArrayList<>();
  public final List<Dead> deadLetters = new ArrayList<>();
  public int commits;
  public int aborts;
  private final List<Sent> pending = new ArrayList<>();
  private boolean inBatch;

  @Override
  public synchronized void send(String topic, String key, SpecificRecord value) {
    pending.add(new Sent(topic, key, value));
    if (!inBatch) {
      commitBatch();
    }
  }

  @Override
  public synchronized void deadLetter(String source, String location, byte[] raw, String reason) {
    deadLetters.add(
        new Dead(
            source, location, new String(raw, java.nio.charset.StandardCharsets.UTF_8), reason));
  }

  @Override
  public synchronized void beginBatch() {
    inBatch = true;
  }

  @Override
  public synchronized void commitBatch() {
    committed.addAll(pending);
    pending.clear();
    inBatch = false;
    commits++;
  }

  @Override
  public synchronized void abortBatch() {
    pending.clear();
    inBatch = false;
    aborts++;
  }

  /** The last committed value per key on a topic (null for a tombstone), or absent. */
  public synchronized List<Sent> on(String topic) {
    return committed.stream().filter(s -> s.topic().equals(topic)).toList();
  }

  @Override
  public void close() {}
}
