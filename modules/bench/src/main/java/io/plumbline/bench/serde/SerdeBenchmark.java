package io.plumbline.bench.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.SpecificAvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Measures serialize + deserialize through Plumbline's registry serde against plain Avro
 * (SpecificDatumWriter/Reader, no framing, no registry) in the same run, for a large record (a DGX
 * node's Redfish inventory: 8 GPUs, 10 NICs with LLDP neighbours, firmware) and a small one (a
 * power reading). Warm-up first, then alternating timed rounds of each; the median round counts.
 *
 * <p>Usage: {@code SerdeBenchmark [--apicurio | <registry-url>]}. Always runs against the in-memory
 * {@code mock://} registry; {@code --apicurio} adds an Apicurio registry started for the run, a URL
 * adds that registry. Once warm neither registry is contacted, so the figures should agree. The
 * last line is a JSON summary.
 */
public final class SerdeBenchmark {

  private static final long WARM_UP_NANOS = 2_000_000_000L;
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static final int ROUNDS = 5;

  private SerdeBenchmark() {}

  public static void main(String[] args) {
    Optional<ApicurioRegistry> apicurio =
        args.length > 0 && args[0].equals("--apicurio")
            ? Optional.of(ApicurioRegistry.start())
            : Optional.empty();
    try {
      List<String> registries = new ArrayList<>(List.of("mock://serde-benchmark"));
      apicurio.map(ApicurioRegistry::ccompatUrl).ifPresent(registries::add);
      if (args.length > 0 && apicurio.isEmpty()) {
        registries.add(args[0]);
      }
      List<Result> results = new ArrayList<>();
      for (String registry : registries) {
        results.add(run(registry, "ObservedSystem", observedSystem(), ObservedSystem.class));
        results.add(run(registry, "PowerReading", powerReading(), PowerReading.class));
      }
      System.out.println(summary(results));
    } finally {
      apicurio.ifPresent(ApicurioRegistry::close);
      SchemaRegistryClients.dropMockScope("serde-benchmark");
    }
  }

  private static <T extends SpecificRecord> Result run(
      String registry, String name, T record, Class<T> type) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
    String topic = "bench." + name;
    Loop registered = new SerdeLoop<>(topic, serde.serializer(), serde.deserializer(), record);
    Loop plain = new PlainAvroLoop<>(type, record);

    registered.iterate(WARM_UP_NANOS);
    plain.iterate(WARM_UP_NANOS);
    double[] serdeRounds = new double[ROUNDS];
    double[] plainRounds = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      serdeRounds[round] = registered.iterate(ROUND_NANOS);
      plainRounds[round] = plain.iterate(ROUND_NANOS);
    }
    Result result =
        new Result(
            name,
            registry,
            serde.serializer().serialize(topic, record).length,
            median(serdeRounds),
            median(plainRounds));
    System.out.printf(
        "%-15s %5d bytes  %-45s serde %,8.0f ns/record %,10.0f records/s | plain Avro %,8.0f"
            + " ns/record %,10.0f records/s | ratio %.2f%n",
        name,
        result.bytes(),
        registry,
        result.serdeNanos(),
        1e9 / result.serdeNanos(),
        result.plainNanos(),
        1e9 / result.plainNanos(),
        result.ratio());
    return result;
  }

  /** One serialize + deserialize per iteration, repeated for a while; returns ns per record. */
  private abstract static class Loop {
    // Read after every run so the JIT cannot drop the work.
    long blackhole;

    double iterate(long nanos) {
      long start = System.nanoTime();
      long deadline = start + nanos;
      long count = 0;
      long now;
      do {
        for (int i = 0; i < 256; i++) {
          blackhole += once();
        }
        count += 256;
        now = System.nanoTime();
      } while (now < deadline);
      if (blackhole == 42) {
        System.out.println("unlikely");
      }
      return (double) (now - start) / count;
    }

    abstract int once();
  }

  private static final class SerdeLoop<T extends SpecificRecord> extends Loop {
    private final String topic;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;
    private final T record;

    SerdeLoop(String topic, Serializer<T> serializer, Deserializer<T> deserializer, T record) {
      this.topic = topic;
      this.serializer = serializer;
      this.deserializer = deserializer;
      this.record = record;
    }

    @Override
    int once() {
      byte[] bytes = serializer.serialize(topic, record);
      return bytes.length + deserializer.deserialize(topic, bytes).get(0).hashCode();
    }
  }

  /** Plain Avro as it is usually written: reused encoder and decoder, no framing, no registry. */
  private static final class PlainAvroLoop<T extends SpecificRecord> extends Loop {
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    private final T record;
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    PlainAvroLoop(Class<T> type, T record) {
      this.writer = new SpecificDatumWriter<>(type);
      this.reader = new SpecificDatumReader<>(type);
      this.record = record;
    }

    @Override
    int once() {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        writer.write(record, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        return bytes.length + reader.read(null, decoder).get(0).hashCode();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Result(
      String record, String registry, int bytes, double serdeNanos, double plainNanos) {
    double ratio() {
      return serdeNanos / plainNanos;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String summary(List<Result> results) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = json.createObjectNode().put("benchmark", "serde");
    summary.put("unit", "ns per serialize+deserialize");
    ArrayNode rows = summary.putArray("results");
    for (Result result : results) {
      rows.addObject()
          .put("record", result.record())
          .put("registry", result.registry().startsWith("mock://") ? "mock" : result.registry())
          .put("bytes", result.bytes())
          .put("serdeNsPerRecord", Math.round(result.serdeNanos()))
          .put("serdeRecordsPerSecond", Math.round(1e9 / result.serdeNanos()))
          .put("plainAvroNsPerRecord", Math.round(result.plainNanos()))
          .put("plainAvroRecordsPerSecond", Math.round(1e9 / result.plainNanos()))
          .put("ratio", Math.round(result.ratio() * 100) / 100.0);
    }
    return summary.toString();
  }

  /** A DGX B200 as its BMC reports it over Redfish. */
  static ObservedSystem observedSystem() {
    List<ObservedGpu> gpus = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      gpus.add(
          ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + (i + 1))
              .setManufacturer("NVIDIA")
              .setModel("NVIDIA B200")
              .setSerialNumber("16520240" + (1000 + i))
              .setPartNumber("692-2G525-0200-000")
              .build());
    }
    List<ObservedNic> nics = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean dpu = i >= 8;
      nics.add(
          ObservedNic.newBuilder()
              .setAdapterId(dpu ? "BlueField-3-" + (i - 8) : "ConnectX-7-" + i)
              .setPortId("1")
              .setManufacturer("NVIDIA")
              .setModel(dpu ? "B3220" : "MT2910")
              .setMacAddress(String.format("b8:3f:d2:00:10:%02x", i))
              .setLinkStatus("LinkUp")
              .setLldpNeighbor(
                  LldpNeighbor.newBuilder()
                      .setChassisId(String.format("1c:34:da:00:%02x:00", i))
                      .setSystemName(dpu ? "storage-leaf-1" : "leaf-" + (i + 1) + ".su1")
                      .setPortId("swp" + (14 + i))
                      .build())
              .build());
    }
    Map<String, String> firmware = new LinkedHashMap<>();
    firmware.put("BMC", "24.09.17");
    firmware.put("BIOS", "1.6.7");
    firmware.put("CX7", "28.42.1000");
    firmware.put("BF3", "32.43.1014");
    firmware.put("HGX_FW_GPU", "97.00.82.00.1B");
    firmware.put("HGX_FW_NVSwitch", "96.10.6D.00.01");
    firmware.put("PSU", "02.0A");
    firmware.put("CPLD", "0.2.1.9");
    return ObservedSystem.newBuilder()
        .setBmcId("7c:c2:55:00:11:22")
        .setBmcAddress("10.20.14.10")
        .setBmcMac("7c:c2:55:00:11:22")
        .setObservedAt(Instant.parse("2026-03-02T08:15:30.123Z"))
        .setSerialNumber("1234567890123")
        .setManufacturer("NVIDIA")
        .setModel("DGXB200")
        .setPartNumber("965-24387-0002-000")
        .setSku("DGXB200-CMB-2")
        .setAssetTag("DC2-004711")
        .setHostName("dgx-r14-u10")
        .setPowerState("On")
        .setLocation(
            ObservedLocation.newBuilder().setSite("dc2").setRack("r14").setPosition(10.0).build())
        .setGpus(gpus)
        .setNics(nics)
        .setFirmware(firmware)
        .setPowerWatts(11_250.5)
        .setReadErrors(List.of())
        .build();
  }

  /** One three-phase feed measurement from a rack PDU. */
  static PowerReading powerReading() {
    return PowerReading.newBuilder()
        .setFeedId("feed-R02-B")
        .setSourceId("pdu-r02-b")
        .setMeasuredAt(Instant.parse("2026-03-02T08:15:30.123Z"))
        .setTotalPowerWatts(27_612.25)
        .setEnergyKwh(1_204_311.5)
        .setPhases(
            List.of(
                PhaseReading.newBuilder()
                    .setPhase("L1")
                    .setCurrentAmps(38.5)
                    .setVoltageVolts(239.6)
                    .build(),
                PhaseReading.newBuilder()
                    .setPhase("L2")
                    .setCurrentAmps(37.9)
                    .setVoltageVolts(240.2)
                    .build(),
                PhaseReading.newBuilder()
                    .setPhase("L3")
                    .setCurrentAmps(39.2)
                    .setVoltageVolts(240.1)
                    .build()))
        .build();
  }
}
