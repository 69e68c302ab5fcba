package io.plumbline.serde;

import java.io.ByteArrayOutputStream;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the record.
 */
final class WireFormat {

  static final byte MAGIC_BYTE = 0;
  static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /** Returns the schema id of a framed record, checking the magic byte and the length. */
  static int readSchemaId(String topic, byte[] payload) {
    if (payload.length < HEADER_LENGTH) {
      throw new InvalidWireFormatException(
          String.format(
              "A record of %d bytes from topic '%s' is shorter than the %d-byte Confluent wire-format"
                  + " header",
              payload.length, topic, HEADER_LENGTH));
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new UnknownMagicByteException(topic, payload[0]);
    }
    return (payload[1] & 0xff) << 24
        | (payload[2] & 0xff) << 16
        | (payload[3] & 0xff) << 8
        | (payload[4] & 0xff);
  }
}
