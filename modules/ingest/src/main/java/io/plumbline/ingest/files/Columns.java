package io.plumbline.ingest.files;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Typed reads of a row's columns, each failure naming the column and the value. */
final class Columns {

  private final Row row;

  Columns(Row row) {
    this.row = row;
  }

  String text(String column) {
    return row.fields().get(column);
  }

  String required(String column) throws RowException {
    String value = text(column);
    if (value == null) {
      throw new RowException("column " + column + " is empty or missing");
    }
    return value;
  }

  Integer integer(String column, int min) throws RowException {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min) {
        throw new RowException("column " + column + " = " + value + " is below " + min);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new RowException("column " + column + " = '" + value + "' is not a whole number");
    }
  }

  int requiredInteger(String column, int min) throws RowException {
    required(column);
    return integer(column, min);
  }

  /** A date ({@code 2026-12-01}, start of that day UTC) or a date-time with offset. */
  Instant instant(String column) throws RowException {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new RowException(
          "column "
              + column
              + " = '"
              + value
              + "' is not a date (2026-12-01) or date-time (2026-12-01T08:30:00Z)");
    }
  }

  /** One of {@code allowed} (case-insensitive), returned as spelled there. */
  String oneOf(String column, List<String> allowed, String fallback) throws RowException {
    String value = text(column);
    if (value == null) {
      return fallback;
    }
    return allowed.stream()
        .filter(a -> a.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                new RowException(
                    "column " + column + " = '" + value + "' is not one of " + allowed));
  }

  /** A list separated by {@code ;}, {@code |} or blanks. */
  List<String> list(String column) {
    String value = text(column);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split("[;|\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
