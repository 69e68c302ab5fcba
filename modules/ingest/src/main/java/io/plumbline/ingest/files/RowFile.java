package io.plumbline.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads rows from a CSV file (RFC 4180: a header row, quoted fields with {@code ""} escapes and
 * line breaks, CRLF or LF, an optional UTF-8 BOM) or a JSON-lines file (one object per line; array
 * values joined with {@code ;}), chosen by extension: {@code .csv}, else {@code .jsonl}, {@code
 * .ndjson}, {@code .json}. A line that cannot be read at all is handed to {@code unreadable} with
 * the reason; the other rows are returned.
 */
final class RowFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RowFile() {}

  static List<Row> read(Path file, BiConsumer<Row, String> unreadable) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (name.endsWith(".csv")) {
      return csv(text, unreadable);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return jsonLines(text, unreadable);
    }
    throw new IllegalArgumentException(
        file
            + ": unknown file type; use .csv (with a header row) or .jsonl (one JSON object a line)");
  }

  private static List<Row> jsonLines(String text, BiConsumer<Row, String> unreadable) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      JsonNode object;
      try {
        object = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        unreadable.accept(new Row(i + 1, line, Map.of()), "not JSON: " + e.getOriginalMessage());
        continue;
      }
      if (!object.isObject()) {
        unreadable.accept(new Row(i + 1, line, Map.of()), "not a JSON object");
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String value = text(field.getValue());
        if (value != null) {
          fields.put(field.getKey().strip().toLowerCase(Locale.ROOT), value);
        }
      }
      rows.add(new Row(i + 1, line, fields));
    }
    return rows;
  }

  private static String text(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      return String.join(";", items);
    }
    String text = value.isContainerNode() ? value.toString() : value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static List<Row> csv(String text, BiConsumer<Row, String> unreadable) {
    List<Row> rows = new ArrayList<>();
    CsvRecords records = new CsvRecords(text);
    CsvRecords.Record header = records.next();
    if (header == null) {
      return rows;
    }
    List<String> columns =
        header.fields().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
      if (record.error() != null) {
        unreadable.accept(new Row(record.line(), record.raw(), Map.of()), record.error());
        continue;
      }
      if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
        continue;
      }
      if (record.fields().size() != columns.size()) {
        unreadable.accept(
            new Row(record.line(), record.raw(), Map.of()),
            record.fields().size() + " fields, the header has " + columns.size());
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        String value = record.fields().get(i).strip();
        if (!value.isEmpty()) {
          fields.put(columns.get(i), value);
        }
      }
      rows.add(new Row(record.line(), record.raw(), fields));
    }
    return rows;
  }
}
