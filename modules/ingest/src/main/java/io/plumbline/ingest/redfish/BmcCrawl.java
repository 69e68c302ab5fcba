package io.plumbline.ingest.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One crawl of one BMC: the service root, then whatever it offers (a computer system with its inlet
 * temperature, rack PDUs, CDUs). Never throws: an unreachable service is a result with {@link
 * #failure()} set, and what a reachable service could not give is in {@link #errors()}.
 */
public record BmcCrawl(
    String address,
    Optional<ObservedSystem> system,
    List<PowerReading> power,
    List<PduReadings.Unmapped> unmappedPdus,
    List<EnvironmentReading> environment,
    List<String> unmappedCdus,
    List<String> errors,
    String failure) {

  /** Crawls one BMC with a fresh session (if sessions are asked for), closed at the end. */
  public static BmcCrawl of(
      HttpClient http, URI bmc, RedfishOptions options, String trust, Clock clock) {
    try (RedfishService service =
        new RedfishService(http, bmc, options.credentials(), options.retry(), trust)) {
      String address = service.address();
      JsonNode root;
      try {
        root = service.get("/redfish/v1/");
        service.login(root);
      } catch (RedfishException e) {
        return new BmcCrawl(
            address,
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            e.getMessage());
      }
      ResourceReader reader = new ResourceReader(service);
      Instant now = clock.instant();
      try {
        Optional<ObservedSystem> system = SystemInventory.read(reader, root, address, now);
        PduReadings.Outcome pdus =
            PduReadings.read(reader, root, address, options.equipment(), now);
        CduReadings.Outcome cdus =
            CduReadings.read(reader, root, address, options.equipment(), now);
        List<EnvironmentReading> environment = new ArrayList<>(cdus.readings());
        system.ifPresent(
            observed ->
                environment.addAll(
                    ServerInletReadings.read(
                        reader, root, address, options.equipment(), observed, now)));
        return new BmcCrawl(
            address,
            system,
            pdus.readings(),
            pdus.unmapped(),
            environment,
            cdus.unmappedCdus(),
            reader.errors(),
            null);
      } catch (RuntimeException e) {
        // A shape no rule foresaw: report it against this BMC rather than stop the others.
        return new BmcCrawl(
            address,
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            reader.errors(),
            "unexpected answer: " + e);
      }
    }
  }
}
