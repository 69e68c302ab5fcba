package io.plumbline.ingest.files;

import java.util.ArrayList;
import java.util.List;

/** Splits CSV text into records (RFC 4180), remembering the line each starts on. */
final class CsvRecords {

  /** One record: its first line, raw text, fields, or the reason it cannot be read. */
  record Record(int line, String raw, List<String> fields, String error) {}

  private final String text;
  private int pos;
  private int line = 1;

  CsvRecords(String text) {
    this.text = text;
  }

  /** The next record, or null at the end. */
  Record next() {
    if (pos >= text.length()) {
      return null;
    }
    int start = pos;
    int startLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    String error = null;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (quoted) {
        if (c == '"') {
          if (pos < text.length() && text.charAt(pos) == '"') {
            field.append('"');
            pos++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
        continue;
      } else if (c == '\n') {
        line++;
        break;
      } else {
        if (wasQuoted && error == null) {
          error = "text after a closing quote";
        }
        field.append(c);
      }
    }
    if (quoted) {
      error = "a quoted field is not closed before the end of the file";
    }
    fields.add(field.toString());
    String raw = text.substring(start, pos).stripTrailing();
    return new Record(startLine, raw, fields, error);
  }
}
