package io.plumbline.simulator;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.IntentSite;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.ReceiptCondition;
import io.plumbline.simulator.Scenario.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plays a simulated site: every record Plumbline reads, phase by phase in simulated time (see
 * {@link Scenario}), handed to a sink one at a time so that a 100,000-GPU site never sits in
 * memory. The records and their order are a function of the {@link SiteSpec} alone.
 */
public final class SiteSimulator {

  /** Share of one side's usable power a rack with a hot job draws (RACK_HEAT_OVER_COOLING). */
  private static final double HOT_JOB_SHARE_OF_ONE_SIDE = 0.985;

  private final SiteLayout layout;
  private final SiteSpec spec;
  private final FaultPlan faults;
  private final Observations observations;

  public SiteSimulator(SiteSpec spec) {
    this.spec = spec;
    this.layout = new SiteLayout(spec);
    this.faults = FaultPlan.of(layout);
    this.observations = new Observations(layout);
  }

  public SiteLayout layout() {
    return layout;
  }

  public FaultPlan faults() {
    return faults;
  }

  /** The discrepancy transitions a correct reconciler emits for this site. */
  public GroundTruth truth() {
    return GroundTruth.of(layout, faults);
  }

  /** Emits every event of the scenario, in order. */
  public void play(Consumer<SimEvent> sink) {
    for (Phase phase : Phase.values()) {
      play(phase, sink);
    }
  }

  /** Emits the events of one phase. */
  public void play(Phase phase, Consumer<SimEvent> sink) {
    Emitter out = new Emitter(phase, sink);
    switch (phase) {
      case ORDERS -> orders(out);
      case DESIGN -> design(out);
      case DELIVERIES -> deliveries(out);
      case SERIALS -> serials(out);
      case INSTALLATION -> installation(out);
      case RECRAWL -> observe(out, Scenario.at(spec, Phase.RECRAWL));
      case ROUTINE_CRAWL -> observe(out, Scenario.at(spec, Phase.ROUTINE_CRAWL));
      case TELEMETRY -> telemetry(out, 0, Scenario.FIX_MINUTE);
      case FIXES -> fixes(out);
      case AFTER_FIXES -> telemetry(out, Scenario.FIX_MINUTE, Scenario.TELEMETRY_MINUTES);
    }
  }

  /** Emits to the sink with the phase attached. */
  private static final class Emitter {
    private final Phase phase;
    private final Consumer<SimEvent> sink;

    Emitter(Phase phase, Consumer<SimEvent> sink) {
      this.phase = phase;
      this.sink = sink;
    }

    void emit(TopicRole role, String key, SpecificRecord value, Instant at) {
      sink.accept(new SimEvent(phase, role, key, value, at.toEpochMilli()));
    }
  }

  // ---- orders ----

  private void orders(Emitter out) {
    Instant at = Scenario.at(spec, Phase.ORDERS);
    Instant due = Scenario.at(spec, Scenario.DUE_MINUTE);
    for (int su = 0; su < spec.scalableUnits(); su++) {
      for (OrderLine line : orderLines(su)) {
        Instant expected = line.line() == OrderLine.FIBRE ? lateDue() : due;
        out.emit(
            TopicRole.PURCHASE_ORDERS,
            poKey(layout.purchaseOrder(su), line.line()),
            poLine(layout.purchaseOrder(su), line.line(), line.part(), line.quantity(), expected),
            at);
      }
    }
    orderFaultLine(out, FaultKind.LATE_DELIVERY, 100, at);
    orderFaultLine(out, FaultKind.OVER_SHIPMENT, 10, at);
    orderFaultLine(out, FaultKind.WRONG_PART_RECEIVED, 10, at);
    orderFaultLine(out, FaultKind.DUPLICATE_SERIAL, 4, at);
    orderFaultLine(out, FaultKind.SHORT_SHIPMENT, 100, at);
  }

  private void orderFaultLine(Emitter out, FaultKind kind, int quantity, Instant at) {
    for (Fault fault : faults.free(kind)) {
      String po = FaultSubjects.faultPurchaseOrder(fault);
      out.emit(
          TopicRole.PURCHASE_ORDERS,
          poKey(po, 1),
          poLine(po, 1, Catalogue.OPTIC_PART, quantity, Scenario.at(spec, Scenario.DUE_MINUTE)),
          at);
    }
  }

  private Instant lateDue() {
    return Scenario.at(spec, Scenario.LATE_DUE_MINUTE);
  }

  /** One line of an SU's purchase order. */
  record OrderLine(int line, String part, int quantity) {
    static final int FIBRE = 8;
  }

  private List<OrderLine> orderLines(int su) {
    int nodes = spec.nodesPerScalableUnit();
    int racks = layout.racksPerScalableUnit();
    int sn5600 = SiteLayout.RAILS + SiteLayout.SPINES_PER_SU;
    if (faults.onScalableUnit(su) != null) {
      sn5600--;
    }
    return List.of(
        new OrderLine(1, Catalogue.NODE_PART, nodes),
        new OrderLine(2, Catalogue.SN5600_PART, sn5600),
        new OrderLine(3, Catalogue.SN4600_PART, SiteLayout.STORAGE_LEAVES + 1),
        new OrderLine(4, Catalogue.SN2201_PART, 1),
        new OrderLine(5, Catalogue.PDU_PART, racks * 2),
        new OrderLine(6, Catalogue.CDU_PART, layout.cdusPerScalableUnit()),
        new OrderLine(7, Catalogue.OPTIC_PART, nodes * SiteLayout.RAILS),
        new OrderLine(OrderLine.FIBRE, Catalogue.FIBRE_PART, fibres()));
  }

  /** Fibre cables of an SU: 12 per node (all but BMC copper and power cords) and the uplinks. */
  private int fibres() {
    return spec.nodesPerScalableUnit() * (SiteLayout.RAILS + 3)
        + layout.leafSpineCablesPerScalableUnit();
  }

  static String poKey(String po, int line) {
    return po + "/" + line;
  }

  private PurchaseOrderLine poLine(
      String po, int line, String part, int quantity, Instant expected) {
    return poLine(po, line, part, quantity, expected, "open");
  }

  private PurchaseOrderLine poLine(
      String po, int line, String part, int quantity, Instant expected, String status) {
    return PurchaseOrderLine.newBuilder()
        .setPoNumber(po)
        .setLine(line)
        .setVendor("NVIDIA Partner Network")
        .setPartNumber(part)
        .setQuantity(quantity)
        .setExpectedDate(expected)
        .setShipToSiteId(SiteLayout.SITE_ID)
        .setStatus(status)
        .build();
  }

  // ---- design ----

  private void design(Emitter out) {
    Instant at = Scenario.at(spec, Phase.DESIGN);
    out.emit(
        TopicRole.INTENT_SITES,
        SiteLayout.SITE_ID,
        IntentSite.newBuilder()
            .setId(SiteLayout.SITE_ID)
            .setName(SiteLayout.SITE_NAME)
            .setSlug("dc1")
            .setUrl(Catalogue.url("sites", SiteLayout.SITE_ID))
            .build(),
        at);
    for (IntentDeviceType type : Catalogue.deviceTypes(layout)) {
      out.emit(TopicRole.INTENT_DEVICE_TYPES, type.getId(), type, at);
    }
    for (int rack = 0; rack < layout.racks(); rack++) {
      Fault designFault = faults.onRackDesign(rack);
      out.emit(TopicRole.INTENT_RACKS, layout.rackId(rack), rack(rack, designFault), at);
      for (int side = 0; side < 2; side++) {
        out.emit(
            TopicRole.INTENT_POWER_FEEDS,
            layout.feedId(rack, side),
            feed(rack, side, designFault),
            at);
        out.emit(TopicRole.INTENT_DEVICES, layout.pduId(rack, side), pdu(rack, side), at);
      }
    }
    for (Fault fault : faults.free(FaultKind.LOAD_ON_UNUSED_FEED)) {
      out.emit(
          TopicRole.INTENT_POWER_FEEDS,
          FaultSubjects.spareFeedId(fault),
          spareFeed(fault, false),
          at);
    }
    for (int cdu = 0; cdu < layout.cdus(); cdu++) {
      out.emit(
          TopicRole.INTENT_DEVICES,
          layout.cduId(cdu),
          device(layout.cduId(cdu), layout.cduName(cdu), Catalogue.CDU_TYPE, "cdu").build(),
          at);
    }
    for (int su = 0; su < spec.scalableUnits(); su++) {
      for (int s = 0; s < SiteLayout.SWITCHES_PER_SU; s++) {
        String role =
            SiteLayout.isSpine(s) ? "spine" : s == SiteLayout.oobSwitchIndex() ? "oob" : "leaf";
        String type =
            s < SiteLayout.RAILS || SiteLayout.isSpine(s)
                ? Catalogue.SN5600_TYPE
                : s == SiteLayout.oobSwitchIndex() ? Catalogue.SN2201_TYPE : Catalogue.SN4600_TYPE;
        out.emit(
            TopicRole.INTENT_DEVICES,
            layout.switchId(su, s),
            device(layout.switchId(su, s), layout.switchName(su, s), type, role).build(),
            at);
      }
    }
    for (int node = 0; node < layout.nodes(); node++) {
      out.emit(TopicRole.INTENT_DEVICES, layout.nodeId(node), node(node, null), at);
    }
    for (int node = 0; node < layout.nodes(); node++) {
      nodeCables(out, node, at);
    }
    for (int su = 0; su < spec.scalableUnits(); su++) {
      uplinks(out, su, at);
    }
  }

  IntentRack rack(int rack, Fault designFault) {
    double budget = layout.rackBudgetWatts();
    double cooling = layout.rackBudgetWatts();
    if (designFault != null) {
      double under = layout.rackPlannedWatts() - 2_000;
      if (designFault.kind() == FaultKind.RACK_PLANNED_POWER_OVER_BUDGET) {
        budget = under;
      } else if (designFault.kind() == FaultKind.RACK_PLANNED_HEAT_OVER_COOLING) {
        cooling = under;
      }
    }
    return IntentRack.newBuilder()
        .setId(layout.rackId(rack))
        .setName(layout.rackName(rack))
        .setSiteId(SiteLayout.SITE_ID)
        .setUHeight(48)
        .setPowerBudgetWatts(budget)
        .setCoolingCapacityWatts(cooling)
        .setUrl(Catalogue.url("racks", layout.rackId(rack)))
        .build();
  }

  IntentPowerFeed feed(int rack, int side, Fault designFault) {
    double amps = spec.feedAmps();
    double allocated = layout.rackPlannedWatts() / 2;
    if (designFault != null) {
      if (designFault.kind() == FaultKind.RACK_AB_REDUNDANCY_INSUFFICIENT && side == 1) {
        amps = Math.floor(spec.feedAmps() * 2 / 3);
      } else if (designFault.kind() == FaultKind.FEED_ALLOCATION_OVER_CAPACITY && side == 0) {
        allocated = Math.ceil(layout.feedUsableWatts()) + 5_000;
      }
    }
    return IntentPowerFeed.newBuilder()
        .setId(layout.feedId(rack, side))
        .setName(layout.feedName(rack, side))
        .setSiteId(SiteLayout.SITE_ID)
        .setPanelName(
            String.format(
                java.util.Locale.ROOT,
                "PP-%02d-%s",
                layout.scalableUnitOfRack(rack) + 1,
                SiteLayout.sideName(side)))
        .setRackId(layout.rackId(rack))
        .setSide(SiteLayout.sideName(side))
        .setSupply("ac")
        .setPhase(spec.threePhase() ? "three-phase" : "single-phase")
        .setVoltage(spec.feedVolts())
        .setAmperage(amps)
        .setMaxUtilizationPercent(spec.maxUtilizationPercent())
        .setAllocatedDrawWatts(allocated)
        .setStatus("active")
        .setUrl(Catalogue.url("power-feeds", layout.feedId(rack, side)))
        .build();
  }

  /** A feed the design does not use yet; activated (with draw allocated) when fixed. */
  private IntentPowerFeed spareFeed(Fault fault, boolean activated) {
    String id = FaultSubjects.spareFeedId(fault);
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName("SPARE-" + fault.target())
        .setSiteId(SiteLayout.SITE_ID)
        .setPanelName("PP-SPARE")
        .setSupply("ac")
        .setPhase(spec.threePhase() ? "three-phase" : "single-phase")
        .setVoltage(spec.feedVolts())
        .setAmperage(spec.feedAmps())
        .setMaxUtilizationPercent(spec.maxUtilizationPercent())
        .setAllocatedDrawWatts(activated ? 2_500.0 : 0.0)
        .setStatus(activated ? "active" : "planned")
        .setUrl(Catalogue.url("power-feeds", id))
        .build();
  }

  private IntentDevice pdu(int rack, int side) {
    return device(layout.pduId(rack, side), layout.pduName(rack, side), Catalogue.PDU_TYPE, "pdu")
        .setRackId(layout.rackId(rack))
        .build();
  }

  private static IntentDevice.Builder device(String id, String name, String type, String role) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName(name)
        .setDeviceTypeId(type)
        .setSiteId(SiteLayout.SITE_ID)
        .setRole(role)
        .setStatus("planned")
        .setUrl(Catalogue.url("devices", id));
  }

  /** A node as NetBox has it; {@code serial} once received (null before). */
  IntentDevice node(int node, String serial) {
    return device(layout.nodeId(node), layout.nodeName(node), Catalogue.NODE_TYPE, "gpu-node")
        .setRackId(layout.rackId(layout.rackOfNode(node)))
        .setPosition(layout.nodePosition(node))
        .setStatus(serial == null ? "planned" : "staged")
        .setSerial(serial)
        .setAssetTag(String.format(java.util.Locale.ROOT, "AT-%06d", node + 1))
        .setBmcMac(layout.nodeBmcMac(node))
        .setInstallDeadline(Scenario.at(spec, Scenario.INSTALL_DEADLINE_MINUTE))
        .build();
  }

  private void nodeCables(Emitter out, int node, Instant at) {
    int su = layout.scalableUnitOfNode(node);
    int port = layout.nodeInScalableUnit(node) + 1;
    int k = 0;
    for (int rail = 0; rail < SiteLayout.RAILS; rail++) {
      cable(out, node, k++, SiteLayout.railPort(rail), su, rail, port, at);
    }
    for (int s = 0; s < SiteLayout.STORAGE_LEAVES; s++) {
      cable(out, node, k++, "stor" + (s + 1), su, SiteLayout.storageLeafIndex(s), port, at);
    }
    cable(out, node, k++, "inband1", su, SiteLayout.inbandLeafIndex(), port, at);
    cable(out, node, k++, "bmc", su, SiteLayout.oobSwitchIndex(), port, at);
    int rack = layout.rackOfNode(node);
    for (int psu = 0; psu < SiteLayout.PSUS_PER_NODE; psu++) {
      int side = psu < SiteLayout.PSUS_PER_NODE / 2 ? 0 : 1;
      int outlet = layout.slotOfNode(node) * 3 + psu % 3 + 1;
      out.emit(
          TopicRole.INTENT_CABLES,
          layout.nodeCableId(node, k),
          cableRecord(
              layout.nodeCableId(node, k),
              layout.nodeId(node),
              layout.nodeName(node),
              "psu" + (psu + 1),
              layout.pduId(rack, side),
              layout.pduName(rack, side),
              "outlet" + outlet,
              "power"),
          at);
      k++;
    }
  }

  private void cable(
      Emitter out, int node, int k, String nodePort, int su, int sw, int port, Instant at) {
    String id = layout.nodeCableId(node, k);
    out.emit(
        TopicRole.INTENT_CABLES,
        id,
        cableRecord(
            id,
            layout.nodeId(node),
            layout.nodeName(node),
            nodePort,
            layout.switchId(su, sw),
            layout.switchName(su, sw),
            SiteLayout.switchPort(port),
            nodePort.startsWith("bmc") ? "cat6" : "mmf"),
        at);
  }

  private void uplinks(Emitter out, int su, Instant at) {
    int downlinks = spec.nodesPerScalableUnit();
    int n = 0;
    for (int leaf = 0; leaf < SiteLayout.RAILS; leaf++) {
      for (int spine = 0; spine < SiteLayout.SPINES_PER_SU; spine++) {
        for (int u = 0; u < SiteLayout.UPLINKS_PER_LEAF_PER_SPINE; u++) {
          int leafPort = downlinks + spine * SiteLayout.UPLINKS_PER_LEAF_PER_SPINE + u + 1;
          int spinePort = leaf * SiteLayout.UPLINKS_PER_LEAF_PER_SPINE + u + 1;
          String id = layout.uplinkCableId(su, n++);
          int spineIndex = SiteLayout.spineIndex(spine);
          out.emit(
              TopicRole.INTENT_CABLES,
              id,
              cableRecord(
                  id,
                  layout.switchId(su, leaf),
                  layout.switchName(su, leaf),
                  SiteLayout.switchPort(leafPort),
                  layout.switchId(su, spineIndex),
                  layout.switchName(su, spineIndex),
                  SiteLayout.switchPort(spinePort),
                  "smf"),
              at);
        }
      }
    }
  }

  private static IntentCable cableRecord(
      String id,
      String aId,
      String aName,
      String aPort,
      String bId,
      String bName,
      String bPort,
      String label) {
    return IntentCable.newBuilder()
        .setId(id)
        .setADeviceId(aId)
        .setADeviceName(aName)
        .setAInterface(aPort)
        .setBDeviceId(bId)
        .setBDeviceName(bName)
        .setBInterface(bPort)
        .setStatus("planned")
        .setLabel(label)
        .setUrl(Catalogue.url("cables", id))
        .build();
  }

  // ---- deliveries ----

  private void deliveries(Emitter out) {
    Instant at = Scenario.at(spec, Phase.DELIVERIES);
    for (int su = 0; su < spec.scalableUnits(); su++) {
      String po = layout.purchaseOrder(su);
      for (OrderLine line : orderLines(su)) {
        int quantity = line.line() == OrderLine.FIBRE ? line.quantity() / 2 : line.quantity();
        receipt(
            out,
            receiptId(po, line.line(), 1),
            po,
            line.line(),
            line.part(),
            serials(su, line.line(), line.quantity(), false),
            quantity,
            at);
      }
    }
    for (Fault f : faults.free(FaultKind.LATE_DELIVERY)) {
      faultReceipt(out, f, 1, Catalogue.OPTIC_PART, List.of(), 60, at);
    }
    for (Fault f : faults.free(FaultKind.OVER_SHIPMENT)) {
      faultReceipt(out, f, 1, Catalogue.OPTIC_PART, List.of(), 12, at);
    }
    for (Fault f : faults.free(FaultKind.WRONG_PART_RECEIVED)) {
      faultReceipt(out, f, 1, Catalogue.OPTIC_PART, List.of(), 10, at);
      faultReceipt(out, f, 2, Catalogue.FIBRE_PART, List.of(), 2, at);
    }
    for (Fault f : faults.free(FaultKind.DUPLICATE_SERIAL)) {
      faultReceipt(out, f, 1, Catalogue.OPTIC_PART, opticSerials(f, true), 4, at);
    }
    for (Fault f : faults.free(FaultKind.RECEIPT_FOR_UNKNOWN_PO_LINE)) {
      faultReceipt(out, f, 1, Catalogue.OPTIC_PART, List.of(), 5, at);
    }
    for (Fault f : faults.free(FaultKind.SHORT_SHIPMENT)) {
      // The vendor ships 60 of 100 and declares the line done; the ERP closes it before its date.
      faultReceipt(out, f, 1, Catalogue.OPTIC_PART, List.of(), 60, at);
      String po = FaultSubjects.faultPurchaseOrder(f);
      out.emit(
          TopicRole.PURCHASE_ORDERS,
          poKey(po, 1),
          poLine(
              po, 1, Catalogue.OPTIC_PART, 100, Scenario.at(spec, Scenario.DUE_MINUTE), "closed"),
          at);
    }
  }

  private static List<String> opticSerials(Fault fault, boolean duplicated) {
    String dup = FaultSubjects.duplicatedSerial(fault);
    String prefix = dup.substring(0, dup.length() - 1);
    return List.of(prefix + "1", prefix + "2", dup, duplicated ? dup : prefix + "4");
  }

  private void faultReceipt(
      Emitter out, Fault fault, int n, String part, List<String> serials, int qty, Instant at) {
    String po = FaultSubjects.faultPurchaseOrder(fault);
    receipt(out, FaultSubjects.faultReceipt(fault, n), po, 1, part, serials, qty, at);
  }

  static String receiptId(String po, int line, int n) {
    return "RCV-" + po + "-" + line + "-" + n;
  }

  /**
   * Serials of the devices delivered on a line (none for optics and cables). A node that bypassed
   * receiving is left out until its fix ({@code corrected}) rescans the receipt; a node whose
   * NetBox serial is wrong is received under the serial its chassis carries.
   */
  private List<String> serials(int su, int line, int quantity, boolean corrected) {
    List<String> serials = new ArrayList<>();
    switch (line) {
      case 1 -> {
        for (int i = 0; i < quantity; i++) {
          int node = su * spec.nodesPerScalableUnit() + i;
          Fault fault = faults.onNode(node);
          FaultKind kind = fault == null ? null : fault.kind();
          if (kind == FaultKind.SERIAL_NOT_RECEIVED && !(corrected && fault.fixed())) {
            continue;
          }
          serials.add(
              kind == FaultKind.SERIAL_MISMATCH
                  ? Observations.mismatchedSerial(layout, node)
                  : layout.nodeSerial(node));
        }
      }
      case 2 -> {
        for (int s = 0; s < SiteLayout.SWITCHES_PER_SU && serials.size() < quantity; s++) {
          if (s < SiteLayout.RAILS || SiteLayout.isSpine(s)) {
            serials.add(layout.switchSerial(su, s));
          }
        }
      }
      case 3 -> {
        for (int s = SiteLayout.RAILS; s <= SiteLayout.inbandLeafIndex(); s++) {
          serials.add(layout.switchSerial(su, s));
        }
      }
      case 4 -> serials.add(layout.switchSerial(su, SiteLayout.oobSwitchIndex()));
      case 5 -> {
        int first = su * layout.racksPerScalableUnit();
        for (int r = first; r < first + layout.racksPerScalableUnit(); r++) {
          serials.add(layout.pduSerial(r, 0));
          serials.add(layout.pduSerial(r, 1));
        }
      }
      case 6 -> {
        int first = su * layout.cdusPerScalableUnit();
        for (int c = first; c < first + layout.cdusPerScalableUnit(); c++) {
          serials.add(layout.cduSerial(c));
        }
      }
      default -> {}
    }
    return serials;
  }

  private void receipt(
      Emitter out,
      String id,
      String po,
      int line,
      String part,
      List<String> serials,
      int quantity,
      Instant at) {
    out.emit(TopicRole.RECEIPTS, id, receipt(id, po, line, part, serials, quantity, at), at);
  }

  private static Receipt receipt(
      String id,
      String po,
      int line,
      String part,
      List<String> serials,
      int quantity,
      Instant receivedAt) {
    return Receipt.newBuilder()
        .setReceiptId(id)
        .setPoNumber(po)
        .setPoLine(line)
        .setScannedPartNumber(part)
        .setSerialNumbers(serials)
        .setQuantity(quantity)
        .setReceivedAt(receivedAt)
        .setSiteId(SiteLayout.SITE_ID)
        .setCondition(ReceiptCondition.GOOD)
        .build();
  }

  // ---- serials, installation ----

  private void serials(Emitter out) {
    Instant at = Scenario.at(spec, Phase.SERIALS);
    for (int node = 0; node < layout.nodes(); node++) {
      out.emit(
          TopicRole.INTENT_DEVICES, layout.nodeId(node), node(node, layout.nodeSerial(node)), at);
    }
  }

  private void installation(Emitter out) {
    Instant at = Scenario.at(spec, Phase.INSTALLATION);
    // The second fibre delivery; their line is due later, so it is on time.
    for (int su = 0; su < spec.scalableUnits(); su++) {
      String po = layout.purchaseOrder(su);
      int total = fibres();
      receipt(
          out,
          receiptId(po, OrderLine.FIBRE, 2),
          po,
          OrderLine.FIBRE,
          Catalogue.FIBRE_PART,
          List.of(),
          total - total / 2,
          at);
    }
    observe(out, at);
  }

  private void observe(Emitter out, Instant at) {
    for (int node = 0; node < layout.nodes(); node++) {
      Fault fault = faults.onNode(node);
      if (fault != null && fault.kind() == FaultKind.DEVICE_NOT_SEEN) {
        continue;
      }
      out.emit(
          TopicRole.OBSERVED_SYSTEMS,
          layout.nodeBmcMac(node),
          observations.node(node, fault, at),
          at);
    }
    for (Fault fault : faults.free(FaultKind.UNEXPECTED_DEVICE)) {
      out.emit(
          TopicRole.OBSERVED_SYSTEMS,
          FaultSubjects.strayBmcMac(fault),
          observations.stray(fault, at),
          at);
    }
  }

  // ---- fixes ----

  private void fixes(Emitter out) {
    Instant at = Scenario.at(spec, Phase.FIXES);
    Instant later = at.plus(Duration.ofDays(1));
    Set<Integer> rescanned = new HashSet<>();
    for (Fault fault : faults.faults()) {
      if (!fault.fixed()) {
        continue;
      }
      int t = fault.target();
      switch (fault.kind()) {
        case WRONG_SKU,
            COMPONENT_MISMATCH,
            FIRMWARE_MISMATCH,
            LOCATION_MISMATCH,
            DEVICE_NOT_SEEN,
            MISCABLED,
            LINK_MISSING,
            UNEXPECTED_LINK ->
            out.emit(
                TopicRole.OBSERVED_SYSTEMS,
                layout.nodeBmcMac(t),
                observations.node(t, null, at),
                at);
        case SERIAL_MISMATCH ->
            // NetBox is corrected to the serial the chassis reports.
            out.emit(
                TopicRole.INTENT_DEVICES,
                layout.nodeId(t),
                node(t, Observations.mismatchedSerial(layout, t)),
                at);
        case UNDER_PROCURED -> {
          String po = FaultSubjects.topUpPurchaseOrder(fault);
          out.emit(
              TopicRole.PURCHASE_ORDERS,
              poKey(po, 1),
              poLine(po, 1, Catalogue.SN5600_PART, 1, later),
              at);
        }
        case LATE_DELIVERY, SHORT_SHIPMENT ->
            faultReceipt(out, fault, 2, Catalogue.OPTIC_PART, List.of(), 40, at);
        case SERIAL_NOT_RECEIVED -> {
          // The SU's node receipt is rescanned once, carrying every fixed node's serial.
          int su = layout.scalableUnitOfNode(t);
          if (rescanned.add(su)) {
            String po = layout.purchaseOrder(su);
            int nodes = spec.nodesPerScalableUnit();
            out.emit(
                TopicRole.RECEIPTS,
                receiptId(po, 1, 1),
                receipt(
                    receiptId(po, 1, 1),
                    po,
                    1,
                    Catalogue.NODE_PART,
                    serials(su, 1, nodes, true),
                    nodes,
                    Scenario.at(spec, Phase.DELIVERIES)),
                at);
          }
        }
        case OVER_SHIPMENT -> faultReceipt(out, fault, 1, Catalogue.OPTIC_PART, List.of(), 10, at);
        case WRONG_PART_RECEIVED ->
            out.emit(TopicRole.RECEIPTS, FaultSubjects.faultReceipt(fault, 2), null, at);
        case RECEIPT_FOR_UNKNOWN_PO_LINE -> {
          String po = FaultSubjects.faultPurchaseOrder(fault);
          out.emit(
              TopicRole.PURCHASE_ORDERS,
              poKey(po, 1),
              poLine(po, 1, Catalogue.OPTIC_PART, 5, later),
              at);
        }
        case DUPLICATE_SERIAL ->
            faultReceipt(out, fault, 1, Catalogue.OPTIC_PART, opticSerials(fault, false), 4, at);
        case FEED_ALLOCATION_OVER_CAPACITY, RACK_AB_REDUNDANCY_INSUFFICIENT -> {
          for (int side = 0; side < 2; side++) {
            out.emit(TopicRole.INTENT_POWER_FEEDS, layout.feedId(t, side), feed(t, side, null), at);
          }
        }
        case RACK_PLANNED_POWER_OVER_BUDGET, RACK_PLANNED_HEAT_OVER_COOLING ->
            out.emit(TopicRole.INTENT_RACKS, layout.rackId(t), rack(t, null), at);
        case LOAD_ON_UNUSED_FEED ->
            out.emit(
                TopicRole.INTENT_POWER_FEEDS,
                FaultSubjects.spareFeedId(fault),
                spareFeed(fault, true),
                at);
        default -> {
          // Telemetry faults are fixed in the readings from FIX_MINUTE on.
        }
      }
    }
  }

  // ---- telemetry ----

  private void telemetry(Emitter out, int fromMinute, int toMinute) {
    for (int m = fromMinute; m < toMinute; m++) {
      Instant minute = Scenario.telemetryMinute(spec, m);
      for (int r = 0; r < Scenario.READINGS_PER_MINUTE; r++) {
        Instant at = minute.plusSeconds(r * 60L / Scenario.READINGS_PER_MINUTE);
        for (int rack = 0; rack < layout.racks(); rack++) {
          rackReadings(out, rack, m, at);
        }
        for (Fault fault : faults.free(FaultKind.LOAD_ON_UNUSED_FEED)) {
          // The load stays; the fix is in the design (the feed is activated).
          double watts = m >= Scenario.FAULT_MINUTE ? 2_000 : 0;
          power(
              out,
              FaultSubjects.spareFeedId(fault),
              "pdu-spare-" + fault.target(),
              watts,
              null,
              at);
        }
        for (int cdu = 0; cdu < layout.cdus(); cdu++) {
          cduReadings(out, cdu, m, at);
        }
      }
    }
  }

  private void rackReadings(Emitter out, int rack, int minute, Instant at) {
    Fault power = faults.onRackPower(rack);
    boolean active = power != null && FaultPlan.activeAt(power, minute);
    FaultKind kind = active ? power.kind() : null;
    double rackWatts = layout.nodeSteadyWatts() * spec.nodesPerRack();
    if (kind == FaultKind.RACK_OVER_BUDGET) {
      rackWatts = layout.rackBudgetWatts() * 1.05;
    } else if (kind == FaultKind.AB_HEADROOM_VIOLATED) {
      rackWatts = (layout.feedUsableWatts() + layout.rackBudgetWatts()) / 2;
    } else if (kind == FaultKind.RACK_HEAT_OVER_COOLING) {
      // Under one side's usable power (98.5 %) and the budget, but 91 % of the cooling.
      rackWatts = layout.feedUsableWatts() * HOT_JOB_SHARE_OF_ONE_SIDE;
    }
    for (int side = 0; side < 2; side++) {
      double watts = rackWatts / 2;
      if (kind == FaultKind.FEED_OVER_BUDGET) {
        // Side B's breaker tripped: A carries the rack.
        watts = side == 0 ? rackWatts : 0;
      }
      String feedId = layout.feedId(rack, side);
      watts *= 1 + noise(feedId, at) * 0.005;
      double[] skew = null;
      if (side == 0 && kind == FaultKind.PHASE_OVERLOAD) {
        double perPhase = watts / 3 / layout.phaseVolts();
        double over = spec.feedAmps() * spec.maxUtilizationPercent() / 100 * 1.05;
        double rest = Math.max(0, (3 * perPhase - over) / 2);
        skew = new double[] {over / perPhase, rest / perPhase, rest / perPhase};
      } else if (side == 0 && kind == FaultKind.PHASE_IMBALANCE) {
        skew = new double[] {1.33, 0.835, 0.835};
      }
      power(out, feedId, layout.pduName(rack, side), watts, skew, at);
    }
    Fault sensor = faults.onRackSensor(rack);
    boolean sensorFault = sensor != null && FaultPlan.activeAt(sensor, minute);
    if (sensorFault && sensor.kind() == FaultKind.TELEMETRY_SILENT) {
      return;
    }
    String inlet = layout.inletSensorId(rack);
    double celsius = sensorFault ? 29.5 : 23 + noise(inlet, at) * 0.5;
    environment(
        out,
        inlet,
        layout.rackId(rack),
        null,
        EnvironmentKind.INLET_TEMPERATURE,
        celsius,
        "Cel",
        at);
  }

  private void cduReadings(Emitter out, int cdu, int minute, Instant at) {
    Fault fault = faults.onCdu(cdu);
    boolean hot = fault != null && FaultPlan.activeAt(fault, minute);
    String supply = layout.coolantSupplySensorId(cdu);
    String flow = layout.coolantFlowSensorId(cdu);
    environment(
        out,
        supply,
        null,
        layout.cduName(cdu),
        EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE,
        hot ? 35 : 25 + noise(supply, at) * 0.3,
        "Cel",
        at);
    environment(
        out,
        flow,
        null,
        layout.cduName(cdu),
        EnvironmentKind.COOLANT_FLOW,
        300 + noise(flow, at) * 3,
        "L/min",
        at);
  }

  private void power(
      Emitter out, String feedId, String source, double watts, double[] skew, Instant at) {
    List<PhaseReading> phases = new ArrayList<>();
    int count = spec.threePhase() ? 3 : 1;
    double perPhase = watts / count / layout.phaseVolts();
    for (int p = 0; p < count; p++) {
      double amps = perPhase * (skew == null ? 1 + noise(feedId + p, at) * 0.01 : skew[p]);
      phases.add(
          PhaseReading.newBuilder()
              .setPhase("L" + (p + 1))
              .setCurrentAmps(round(amps))
              .setVoltageVolts(round(layout.phaseVolts()))
              .setPowerWatts(round(amps * layout.phaseVolts()))
              .build());
    }
    out.emit(
        TopicRole.POWER_READINGS,
        feedId,
        PowerReading.newBuilder()
            .setFeedId(feedId)
            .setSourceId(source)
            .setMeasuredAt(at)
            .setTotalPowerWatts(round(watts))
            .setPhases(phases)
            .build(),
        at);
  }

  private static void environment(
      Emitter out,
      String sensor,
      String rackId,
      String cduId,
      EnvironmentKind kind,
      double value,
      String unit,
      Instant at) {
    out.emit(
        TopicRole.ENVIRONMENT_READINGS,
        sensor,
        EnvironmentReading.newBuilder()
            .setSensorId(sensor)
            .setRackId(rackId)
            .setCduId(cduId)
            .setMeasuredAt(at)
            .setKind(kind)
            .setValue(round(value))
            .setUnit(unit)
            .build(),
        at);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Deterministic noise in [-1, 1) for a series at a time, independent of emission order. */
  private double noise(String series, Instant at) {
    long mixed = spec.seed() * 0x9E3779B97F4A7C15L ^ series.hashCode() * 31L ^ at.toEpochMilli();
    return new SplittableRandom(mixed).nextDouble() * 2 - 1;
  }
}
