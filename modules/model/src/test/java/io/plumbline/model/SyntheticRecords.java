package io.plumbline.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Builds an instance of a generated class from its schema alone, with every field set (the last,
 * non-null branch of each union, two elements in each array, one entry in each map). Used for
 * records in subfolders of {@code schemas/}, which need no hand-written sample.
 */
final class SyntheticRecords {

  private SyntheticRecords() {}

  /** An instance of the generated class for {@code record}; fails if there is no such class. */
  static SpecificRecordBase instanceOf(Schema record) {
    SpecificData model = SpecificData.getForSchema(record);
    Object value = valueOf(record, model);
    if (!(value instanceof SpecificRecordBase instance)) {
      throw new IllegalStateException("No generated class for " + record.getFullName());
    }
    return instance;
  }

  private static Object valueOf(Schema schema, SpecificData model) {
    Object raw = rawValueOf(schema, model);
    LogicalType logicalType = schema.getLogicalType();
    Conversion<?> conversion = logicalType == null ? null : model.getConversionFor(logicalType);
    return conversion == null
        ? raw
        : Conversions.convertToLogicalType(raw, schema, logicalType, conversion);
  }

  private static Object rawValueOf(Schema schema, SpecificData model) {
    return switch (schema.getType()) {
      case RECORD -> {
        Object record = model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
          model.setField(record, field.name(), field.pos(), valueOf(field.schema(), model));
        }
        yield record;
      }
      case ENUM -> {
        List<String> symbols = schema.getEnumSymbols();
        yield model.createEnum(symbols.get(symbols.size() - 1), schema);
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        items.add(valueOf(schema.getElementType(), model));
        items.add(valueOf(schema.getElementType(), model));
        yield items;
      }
      case MAP -> {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("key", valueOf(schema.getValueType(), model));
        yield entries;
      }
      case UNION -> {
        List<Schema> branches = schema.getTypes();
        yield valueOf(branches.get(branches.size() - 1), model);
      }
      case FIXED -> model.createFixed(null, new byte[schema.getFixedSize()], schema);
      case STRING -> "sample";
      case BYTES -> ByteBuffer.wrap("sample".getBytes(StandardCharsets.UTF_8));
      case INT -> 42;
      case LONG -> 1_748_938_530_123L;
      case FLOAT -> 1.5f;
      case DOUBLE -> 2.5;
      case BOOLEAN -> true;
      case NULL -> null;
    };
  }
}
