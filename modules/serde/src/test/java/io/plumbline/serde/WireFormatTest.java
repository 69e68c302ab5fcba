package io.plumbline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.IntentDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  private final String scope = "wire-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    SchemaRegistryClients.dropMockScope(scope);
  }

  @Test
  void headerIsMagicByteZeroThenTheIdBigEndian() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, 0x01020304);
    assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void readsBackTheIdOfAHeader() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, 0x7f00ff01);
    out.write(42);
    assertThat(WireFormat.readSchemaId("t", out.toByteArray())).isEqualTo(0x7f00ff01);
  }

  @Test
  void serializedRecordIsTheHeaderFollowedByPlainAvroBinary() throws IOException {
    SpecificAvroSerializer<IntentDevice> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    IntentDevice device = ModelRecords.intentDevice();

    byte[] bytes = serializer.serialize("intent.devices", device);

    int id =
        SchemaRegistryClients.forConfig(
                AvroSerdeConfig.parse(
                    Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope)))
            .getLatestVersion("intent.devices-value")
            .id();
    assertThat(bytes[0]).isZero();
    assertThat(WireFormat.readSchemaId("intent.devices", bytes)).isEqualTo(id);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(device));
  }

  @Test
  void unknownMagicByteNamesTheByteAndTheTopic() {
    byte[] json = "{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> WireFormat.readSchemaId("intent.devices", json))
        .isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("0x7b")
        .hasMessageContaining("'intent.devices'");
  }

  @Test
  void payloadShorterThanTheHeaderIsRejected() {
    assertThatThrownBy(() -> WireFormat.readSchemaId("t", new byte[] {0, 0, 1}))
        .isInstanceOf(InvalidWireFormatException.class)
        .hasMessageContaining("3 bytes")
        .hasMessageContaining("'t'");
  }

  private static byte[] plainAvro(IntentDevice device) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(IntentDevice.class).write(device, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
