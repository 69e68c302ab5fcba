package io.plumbline.simulator;

import java.util.Locale;

/**
 * The shape of a simulated site, derived from a {@link SiteSpec}: how many of each thing there are,
 * and the NetBox id, name and identity of each, computed from its index so that nothing has to be
 * held in memory. Id ranges per kind do not overlap (racks 1xxxxxx, feeds 2xxxxxx, nodes 3xxxxxx,
 * switches 4xxxxxx, PDUs 5xxxxxx, CDUs 6xxxxxx, cables 1xxxxxxx and 2xxxxxxx).
 *
 * <p>Per scalable unit (SU): {@code nodesPerScalableUnit} DGX B200 nodes, eight rail leaves (rail i
 * of every node to leaf i), two storage leaves, one in-band leaf, one out-of-band management
 * switch, four spines (each rail leaf has eight uplinks to each spine of its SU), and one CDU per
 * four racks. Per rack: an A and a B feed and a PDU on each. Per node 18 cables: 8 rails, 2
 * storage, 1 in-band, 1 BMC and 6 power cords (PSU 1-3 to PDU A, 4-6 to PDU B).
 */
public final class SiteLayout {

  public static final String SITE_ID = "1";
  public static final String SITE_NAME = "DC1";
  public static final int RAILS = 8;
  public static final int GPUS_PER_NODE = 8;
  public static final int PSUS_PER_NODE = 6;
  public static final int CABLES_PER_NODE = RAILS + 2 + 1 + 1 + PSUS_PER_NODE;
  public static final int STORAGE_LEAVES = 2;
  public static final int SPINES_PER_SU = 4;
  public static final int UPLINKS_PER_LEAF_PER_SPINE = 8;

  /** Rail leaves, storage leaves, in-band leaf, out-of-band switch, spines. */
  public static final int SWITCHES_PER_SU = RAILS + STORAGE_LEAVES + 1 + 1 + SPINES_PER_SU;

  public static final int RACKS_PER_CDU = 4;
  public static final double NODE_MAXIMUM_WATTS = 14_300;

  private final SiteSpec spec;

  public SiteLayout(SiteSpec spec) {
    this.spec = spec;
  }

  public SiteSpec spec() {
    return spec;
  }

  // ---- counts ----

  public int nodes() {
    return spec.scalableUnits() * spec.nodesPerScalableUnit();
  }

  public long gpus() {
    return (long) nodes() * GPUS_PER_NODE;
  }

  public int racksPerScalableUnit() {
    return spec.nodesPerScalableUnit() / spec.nodesPerRack();
  }

  public int racks() {
    return spec.scalableUnits() * racksPerScalableUnit();
  }

  /** Two feeds (A and B) per rack. */
  public int feeds() {
    return racks() * 2;
  }

  public int pdus() {
    return racks() * 2;
  }

  public int cdusPerScalableUnit() {
    return (racksPerScalableUnit() + RACKS_PER_CDU - 1) / RACKS_PER_CDU;
  }

  public int cdus() {
    return spec.scalableUnits() * cdusPerScalableUnit();
  }

  public int switches() {
    return spec.scalableUnits() * SWITCHES_PER_SU;
  }

  public int leafSpineCablesPerScalableUnit() {
    return RAILS * SPINES_PER_SU * UPLINKS_PER_LEAF_PER_SPINE;
  }

  public long cables() {
    return (long) nodes() * CABLES_PER_NODE
        + (long) spec.scalableUnits() * leafSpineCablesPerScalableUnit();
  }

  /** Every intended device: nodes, switches, PDUs and CDUs. */
  public long devices() {
    return (long) nodes() + switches() + pdus() + cdus();
  }

  // ---- power ----

  /** Usable power of one feed: V x A x (sqrt 3 if three-phase) x max utilisation. */
  public double feedUsableWatts() {
    return feedUsableWatts(spec.feedAmps());
  }

  public double feedUsableWatts(double amps) {
    return spec.feedVolts()
        * amps
        * (spec.threePhase() ? Math.sqrt(3) : 1)
        * spec.maxUtilizationPercent()
        / 100;
  }

  /**
   * The draw NetBox allocates to each node: the DGX B200 maximum (14.3 kW), capped so that either
   * side alone can carry the rack (power capping when feeds are small), rounded down to 100 W. On
   * 415 V 60 A feeds that is 8.6 kW.
   */
  public double nodeAllocatedWatts() {
    double perNode = feedUsableWatts() / spec.nodesPerRack();
    return Math.min(NODE_MAXIMUM_WATTS, Math.floor(perNode / 100) * 100);
  }

  /** Steady measured draw of a healthy node: 88 % of its allocation. */
  public double nodeSteadyWatts() {
    return nodeAllocatedWatts() * 0.88;
  }

  public double rackPlannedWatts() {
    return nodeAllocatedWatts() * spec.nodesPerRack();
  }

  /** The rack's power budget (and cooling capacity): 8 % above one side's usable power. */
  public double rackBudgetWatts() {
    return Math.ceil(feedUsableWatts() * 1.08 / 100) * 100;
  }

  /** Per-phase (line-to-neutral) voltage of a feed. */
  public double phaseVolts() {
    return spec.threePhase() ? spec.feedVolts() / Math.sqrt(3) : spec.feedVolts();
  }

  // ---- indices ----

  public int scalableUnitOfNode(int node) {
    return node / spec.nodesPerScalableUnit();
  }

  /** Index of a node within its SU (its leaf downlink port is this + 1). */
  public int nodeInScalableUnit(int node) {
    return node % spec.nodesPerScalableUnit();
  }

  public int rackOfNode(int node) {
    return node / spec.nodesPerRack();
  }

  public int slotOfNode(int node) {
    return node % spec.nodesPerRack();
  }

  public int scalableUnitOfRack(int rack) {
    return rack / racksPerScalableUnit();
  }

  public int cduOfRack(int rack) {
    return scalableUnitOfRack(rack) * cdusPerScalableUnit()
        + (rack % racksPerScalableUnit()) / RACKS_PER_CDU;
  }

  // ---- ids and names ----

  public String rackId(int rack) {
    return Integer.toString(1_000_000 + rack);
  }

  public String rackName(int rack) {
    return String.format(Locale.ROOT, "R%04d", rack + 1);
  }

  /** Feed id of a rack's side (0 = A, 1 = B). */
  public String feedId(int rack, int side) {
    return Integer.toString(2_000_000 + rack * 2 + side);
  }

  public String feedName(int rack, int side) {
    return rackName(rack) + "-" + sideName(side);
  }

  public static String sideName(int side) {
    return side == 0 ? "A" : "B";
  }

  public String nodeId(int node) {
    return Integer.toString(3_000_000 + node);
  }

  public String nodeName(int node) {
    return String.format(Locale.ROOT, "dgx-%05d", node + 1);
  }

  public double nodePosition(int node) {
    return 2.0 + 10 * slotOfNode(node);
  }

  public String nodeSerial(int node) {
    return String.format(Locale.ROOT, "1581024%07d", node + 1);
  }

  /** BMC MAC as the BMC reports it and NetBox records it: lower-case, colon-separated. */
  public String nodeBmcMac(int node) {
    int n = node + 1;
    return String.format(
        Locale.ROOT, "3c:ec:ef:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  }

  public String nodeBmcAddress(int node) {
    return "2001:db8::" + Integer.toHexString(node + 1);
  }

  /** Switch index within an SU: 0-7 rail leaves, 8-9 storage, 10 in-band, 11 OOB, 12-15 spines. */
  public String switchId(int su, int index) {
    return Integer.toString(4_000_000 + su * SWITCHES_PER_SU + index);
  }

  public String switchName(int su, int index) {
    String unit = String.format(Locale.ROOT, "su%02d", su + 1);
    if (index < RAILS) {
      return unit + "-leaf-rail" + (index + 1);
    }
    if (index < RAILS + STORAGE_LEAVES) {
      return unit + "-storage-" + (index - RAILS + 1);
    }
    if (index == RAILS + STORAGE_LEAVES) {
      return unit + "-inband";
    }
    if (index == RAILS + STORAGE_LEAVES + 1) {
      return unit + "-oob";
    }
    return String.format(
        Locale.ROOT, "spine-%03d", su * SPINES_PER_SU + (index - RAILS - STORAGE_LEAVES - 2) + 1);
  }

  public String switchSerial(int su, int index) {
    return String.format(Locale.ROOT, "MT%08d", su * SWITCHES_PER_SU + index + 1);
  }

  public static int storageLeafIndex(int storagePort) {
    return RAILS + storagePort;
  }

  public static int inbandLeafIndex() {
    return RAILS + STORAGE_LEAVES;
  }

  public static int oobSwitchIndex() {
    return RAILS + STORAGE_LEAVES + 1;
  }

  public static int spineIndex(int spine) {
    return RAILS + STORAGE_LEAVES + 2 + spine;
  }

  public static boolean isSpine(int index) {
    return index >= RAILS + STORAGE_LEAVES + 2;
  }

  public String pduId(int rack, int side) {
    return Integer.toString(5_000_000 + rack * 2 + side);
  }

  public String pduName(int rack, int side) {
    return rackName(rack) + "-pdu-" + sideName(side);
  }

  public String pduSerial(int rack, int side) {
    return String.format(Locale.ROOT, "PX%08d", rack * 2 + side + 1);
  }

  public String cduId(int cdu) {
    return Integer.toString(6_000_000 + cdu);
  }

  public String cduName(int cdu) {
    return String.format(Locale.ROOT, "cdu-%03d", cdu + 1);
  }

  public String cduSerial(int cdu) {
    return String.format(Locale.ROOT, "CHX%07d", cdu + 1);
  }

  public String inletSensorId(int rack) {
    return "inlet-" + rackName(rack);
  }

  public String coolantSupplySensorId(int cdu) {
    return cduName(cdu) + "-supply";
  }

  public String coolantFlowSensorId(int cdu) {
    return cduName(cdu) + "-flow";
  }

  public String nodeCableId(int node, int cable) {
    return Integer.toString(10_000_000 + node * CABLES_PER_NODE + cable);
  }

  public String uplinkCableId(int su, int uplink) {
    return Integer.toString(20_000_000 + su * leafSpineCablesPerScalableUnit() + uplink);
  }

  public static String railPort(int rail) {
    return "rail" + (rail + 1);
  }

  public static String switchPort(int port) {
    return "Ethernet1/" + port;
  }

  public String purchaseOrder(int su) {
    return String.format(Locale.ROOT, "45%05d", su + 1);
  }
}
