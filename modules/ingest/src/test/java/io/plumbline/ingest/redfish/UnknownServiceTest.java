package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.ingest.IngestCounters.Outcome;
import org.junit.jupiter.api.Test;

/** Services of shapes never seen before: a sensible record or a clear error, never a crash. */
class UnknownServiceTest {

  @Test
  void aMinimalOddServiceGivesWhatItHas() throws Exception {
    try (MockupServer bmc = MockupServer.http("redfish/public-rackmount1")) {
      bmc.add(
              "/redfish/v1",
              "{\"@odata.id\":\"/redfish/v1/\",\"Systems\":{\"@odata.id\":\"/redfish/v1/Systems\"},"
                  + "\"Chassis\":\"not a link\",\"UpdateService\":[1,2],\"PowerEquipment\":{}}")
          .add(
              "/redfish/v1/Systems",
              "{\"Members\":[{\"@odata.id\":\"/redfish/v1/Systems/odd\"},{\"no\":\"link\"},42]}")
          .add(
              "/redfish/v1/Systems/odd",
              "{\"Id\":\"odd\",\"SerialNumber\":12345,\"Model\":[\"a\"],\"Manufacturer\":{},"
                  + "\"Processors\":\"/redfish/v1/Systems/odd/Processors\","
                  + "\"Links\":{\"Chassis\":{\"@odata.id\":\"/redfish/v1/Chassis/1U\"},"
                  + "\"ManagedBy\":[{\"@odata.id\":\"/redfish/v1/Managers/missing\"}]}}");

      Crawls crawl = Crawls.run(Crawls.against(bmc));

      ObservedSystem system = crawl.sink.values(ObservedSystem.class).get(0);
      assertThat(system.getSerialNumber()).isEqualTo("12345");
      assertThat(system.getModel()).isNull();
      assertThat(system.getManufacturer()).isNull();
      assertThat(system.getGpus()).isEmpty();
      assertThat(system.getNics()).isEmpty();
      assertThat(system.getFirmware()).isEmpty();
      assertThat(system.getBmcId()).isEqualTo(bmc.address());
      assertThat(system.getReadErrors())
          .containsExactly("GET /redfish/v1/Managers/missing: HTTP 404 Not Found");
      assertThat(crawl.counters.get("redfish", Outcome.PUBLISHED)).isEqualTo(1);
    }
  }

  @Test
  void aServiceRootThatIsNotJsonIsAClearErrorForThatBmc() throws Exception {
    try (MockupServer bmc = MockupServer.http("redfish/public-rackmount1")) {
      bmc.add("/redfish/v1", "<html><body>Login</body></html>");

      Crawls crawl = Crawls.run(Crawls.against(bmc));

      assertThat(crawl.sink.sent).isEmpty();
      assertThat(crawl.progress())
          .contains(
              "redfish " + bmc.address() + ": not read: GET /redfish/v1/: the answer is not JSON");
      assertThat(crawl.counters.get("redfish", Outcome.REJECTED)).isEqualTo(1);
    }
  }

  @Test
  void aServiceWithNothingWeKnowPublishesNothingAndSaysSo() throws Exception {
    try (MockupServer bmc = MockupServer.http("redfish/public-rackmount1")) {
      bmc.add("/redfish/v1", "{\"@odata.id\":\"/redfish/v1/\",\"Name\":\"Storage appliance\"}");

      Crawls crawl = Crawls.run(Crawls.against(bmc));

      assertThat(crawl.sink.sent).isEmpty();
      assertThat(crawl.progress())
          .contains(
              "redfish "
                  + bmc.address()
                  + ": 0 power readings, 0 environment readings, 0 resource errors");
      assertThat(crawl.status).isZero();
    }
  }
}
