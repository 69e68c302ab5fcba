package io.plumbline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.serde.AvroJson;
import java.io.PrintStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@code --print} sink: one JSON object per line, {@code {"topic","key","value"}}, with the
 * value as plain JSON (see {@link AvroJson}). Dead letters are printed as {@code {"deadLetter"}}
 * lines so a dry run shows what would be rejected too.
 */
public final class JsonLinesSink implements IngestSink {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintStream out;

  public JsonLinesSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void send(String topic, String key, SpecificRecord value) {
    ObjectNode line = JSON.createObjectNode();
    line.put("topic", topic);
    line.put("key", key);
    line.set("value", value == null ? JSON.nullNode() : AvroJson.toJson(value));
    out.println(line);
  }

  @Override
  public void deadLetter(String source, String location, byte[] raw, String reason) {
    ObjectNode line = JSON.createObjectNode();
    ObjectNode dead = line.putObject("deadLetter");
    dead.put("source", source);
    dead.put("location", location);
    dead.put("reason", reason);
    out.println(line);
  }

  @Override
  public void close() {
    out.flush();
  }
}
