package io.plumbline.ingest.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.avro.v1.IntentDeviceType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The NetBox community devicetype-library's YAML device types, read and used to fill gaps. */
class DeviceTypeLibraryTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private DeviceTypeLibrary library() throws Exception {
    Path dir = Path.of(getClass().getResource("/netbox/devicetype-library").toURI());
    return DeviceTypeLibrary.load(dir, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void readsModelPartNumberHeightDrawsAndGpuBays() throws Exception {
    Map<String, DeviceTypeLibrary.LibraryType> types =
        library().types().stream()
            .collect(Collectors.toMap(DeviceTypeLibrary.LibraryType::model, Function.identity()));

    assertThat(types)
        .containsOnlyKeys(
            "AP8886", "AS-8125GS-TNMR2", "NVIDIA DGX A100 640GB", "PX3-5664U", "SN5600");
    DeviceTypeLibrary.LibraryType mi300x = types.get("AS-8125GS-TNMR2");
    assertThat(mi300x.manufacturer()).isEqualTo("Supermicro");
    assertThat(mi300x.slug()).isEqualTo("supermicro-as-8125gs-tnmr2");
    assertThat(mi300x.partNumber()).isEqualTo("AS-8125GS-TNMR2");
    assertThat(mi300x.uHeight()).isEqualTo(8.0);
    assertThat(mi300x.maximumDraw()).isEqualTo(6 * 3000.0);
    assertThat(mi300x.allocatedDraw()).isNull();
    assertThat(mi300x.gpuBays()).isEqualTo(8);

    DeviceTypeLibrary.LibraryType a100 = types.get("NVIDIA DGX A100 640GB");
    assertThat(a100.manufacturer()).isEqualTo("Nvidia");
    assertThat(a100.partNumber()).isEqualTo("DGXA-G640F+P2EDI36");
    assertThat(a100.uHeight()).isEqualTo(6.0);
    assertThat(a100.maximumDraw()).isEqualTo(2 * 1071.0);
    assertThat(a100.allocatedDraw()).isEqualTo(2 * 586.0);
    assertThat(a100.gpuBays()).isZero();

    DeviceTypeLibrary.LibraryType sn5600 = types.get("SN5600");
    assertThat(sn5600.partNumber()).isNull();
    assertThat(sn5600.uHeight()).isEqualTo(2.0);
    assertThat(sn5600.maximumDraw()).isNull();
    assertThat(types.get("AP8886").uHeight()).as("zero-U PDU").isEqualTo(0.0);
    assertThat(types.get("PX3-5664U").manufacturer()).isEqualTo("Raritan");
  }

  @Test
  void fillsWhatANetboxDeviceTypeLeavesOut() throws Exception {
    IntentMapper mapper =
        new IntentMapper(
            new ComponentIndex(), library(), new PrintStream(log, true, StandardCharsets.UTF_8));
    ObjectMapper json = new ObjectMapper();

    IntentDeviceType bySlug =
        mapper.deviceType(
            json.readTree(
                "{\"id\": 31, \"manufacturer\": {\"id\": 4, \"name\": \"Supermicro\"},"
                    + " \"model\": \"AS-8125GS-TNMR2 (MI300X)\", \"slug\":"
                    + " \"supermicro-as-8125gs-tnmr2\", \"part_number\": \"\", \"u_height\": 8,"
                    + " \"custom_fields\": {}}"));
    assertThat(bySlug.getPartNumber()).isEqualTo("AS-8125GS-TNMR2");
    assertThat(bySlug.getMaximumDrawWatts()).isEqualTo(18000.0);
    assertThat(bySlug.getExpectedGpuCount()).isEqualTo(8);

    IntentDeviceType byModel =
        mapper.deviceType(
            json.readTree(
                "{\"id\": 32, \"manufacturer\": {\"id\": 2, \"name\": \"NVIDIA\"},"
                    + " \"model\": \"NVIDIA DGX-A100 640GB\", \"slug\": \"dgx-a100\","
                    + " \"u_height\": 6, \"custom_fields\": {\"plumbline_expected_gpu_count\": 8}}"));
    assertThat(byModel.getPartNumber()).isEqualTo("DGXA-G640F+P2EDI36");
    assertThat(byModel.getMaximumDrawWatts()).isEqualTo(2142.0);
    assertThat(byModel.getAllocatedDrawWatts()).isEqualTo(1172.0);
    assertThat(byModel.getExpectedGpuCount()).isEqualTo(8);

    IntentDeviceType unknown =
        mapper.deviceType(
            json.readTree(
                "{\"id\": 33, \"manufacturer\": {\"name\": \"Acme\"}, \"model\": \"X1\","
                    + " \"part_number\": \"X1-PN\", \"custom_fields\": {}}"));
    assertThat(unknown.getPartNumber()).isEqualTo("X1-PN");
    assertThat(unknown.getMaximumDrawWatts()).isNull();
    assertThat(unknown.getExpectedGpuCount()).isZero();
  }
}
