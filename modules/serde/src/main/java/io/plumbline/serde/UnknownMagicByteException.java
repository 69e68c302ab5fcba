package io.plumbline.serde;

/**
 * The first byte of a record is not the Confluent magic byte 0: the record was written by another
 * serializer (plain Avro, JSON, a string) or is corrupt.
 */
public class UnknownMagicByteException extends InvalidWireFormatException {

  private static final long serialVersionUID = 1L;

  private final byte magicByte;

  /** Creates the exception for the byte found at offset 0 of a record from {@code topic}. */
  public UnknownMagicByteException(String topic, byte magicByte) {
    super(
        String.format(
            "Unknown magic byte 0x%02x in a record from topic '%s': the Confluent wire format starts"
                + " with 0x00; %s",
            magicByte & 0xff,
            topic,
            magicByte == 1
                ? "0x01 is Confluent's newer schema-GUID framing, which this deserializer does not"
                    + " read"
                : "the record was not written by a schema registry Avro serializer"));
    this.magicByte = magicByte;
  }

  /** The byte found where the magic byte belongs. */
  public byte magicByte() {
    return magicByte;
  }
}
