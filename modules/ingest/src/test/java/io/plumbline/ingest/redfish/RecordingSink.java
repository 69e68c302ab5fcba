package io.plumbline.ingest.redfish;

import io.plumbline.ingest.IngestSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;

/** Keeps what a source publishes, for assertions. */
final class RecordingSink implements IngestSink {

  record Sent(String topic, String key, SpecificRecord value) {}

  record DeadLetter(String source, String location, String reason) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  @Override
  public void send(String topic, String key, SpecificRecord value) {
    sent.add(new Sent(topic, key, value));
  }

  @Override
  public void deadLetter(String source, String location, byte[] raw, String reason) {
    deadLetters.add(new DeadLetter(source, location, reason));
  }

  <T> List<T> values(Class<T> type) {
    return sent.stream().map(Sent::value).filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void close() {}
}
