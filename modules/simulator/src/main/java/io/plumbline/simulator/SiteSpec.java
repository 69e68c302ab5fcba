package io.plumbline.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The parameters of a simulated site. Everything the simulator produces is a function of these
 * values: the same spec gives the same records, in the same order, with the same timestamps.
 *
 * @param scalableUnits number of scalable units (SUs) of GPU nodes
 * @param nodesPerScalableUnit nodes per SU (32 for a DGX SuperPOD-style SU of 256 GPUs); a multiple
 *     of {@code nodesPerRack}, at most 64 (leaf downlink ports)
 * @param nodesPerRack nodes per rack, 1 to 4 (a DGX B200 is 10U; a rack is 48U)
 * @param feedVolts line-to-line voltage of each rack feed
 * @param feedAmps rated current of each rack feed
 * @param threePhase whether feeds are three-phase
 * @param maxUtilizationPercent NetBox {@code max_utilization} of feeds (80 by the continuous-load
 *     rule)
 * @param faultRate share of candidate targets (nodes, racks, sensors) given a fault of each type; 0
 *     is a clean site; any positive rate places at least one fault of every type that fits
 * @param seed seed of every random choice (fault placement, which faults get fixed, noise)
 * @param start simulated time of the first record (the purchase orders), aligned to a minute; the
 *     scenario spans {@link Scenario#DURATION} from there
 */
public record SiteSpec(
    int scalableUnits,
    int nodesPerScalableUnit,
    int nodesPerRack,
    double feedVolts,
    double feedAmps,
    boolean threePhase,
    double maxUtilizationPercent,
    double faultRate,
    long seed,
    Instant start) {

  public SiteSpec {
    require(scalableUnits >= 1, "scalable units must be at least 1, got " + scalableUnits);
    require(
        nodesPerRack >= 1 && nodesPerRack <= 4,
        "nodes per rack must be 1 to 4 (10U nodes in a 48U rack), got " + nodesPerRack);
    require(
        nodesPerScalableUnit >= nodesPerRack
            && nodesPerScalableUnit <= 64
            && nodesPerScalableUnit % nodesPerRack == 0,
        "nodes per scalable unit must be a multiple of nodes per rack, at most 64, got "
            + nodesPerScalableUnit);
    require(feedVolts > 0 && feedAmps > 0, "feed volts and amps must be positive");
    require(
        maxUtilizationPercent > 0 && maxUtilizationPercent <= 100,
        "max utilization must be in (0, 100], got " + maxUtilizationPercent);
    require(faultRate >= 0 && faultRate <= 1, "fault rate must be in [0, 1], got " + faultRate);
    require(start != null, "start is required");
    start = start.truncatedTo(ChronoUnit.MINUTES);
  }

  /**
   * One scalable unit of 32 DGX B200 nodes, four per rack, on 415 V 60 A three-phase A/B feeds at
   * 80 %, no faults, seed 1, starting two hours before {@code now} (brokers refuse record
   * timestamps more than an hour in the future, so a scenario is played in the recent past).
   */
  public static SiteSpec defaults(Instant now) {
    return new SiteSpec(1, 32, 4, 415, 60, true, 80, 0, 1, now.minus(2, ChronoUnit.HOURS));
  }

  public SiteSpec withScalableUnits(int units) {
    return new SiteSpec(
        units,
        nodesPerScalableUnit,
        nodesPerRack,
        feedVolts,
        feedAmps,
        threePhase,
        maxUtilizationPercent,
        faultRate,
        seed,
        start);
  }

  public SiteSpec withNodesPerScalableUnit(int nodes) {
    return new SiteSpec(
        scalableUnits,
        nodes,
        nodesPerRack,
        feedVolts,
        feedAmps,
        threePhase,
        maxUtilizationPercent,
        faultRate,
        seed,
        start);
  }

  public SiteSpec withFeed(double volts, double amps, boolean threePhaseFeed) {
    return new SiteSpec(
        scalableUnits,
        nodesPerScalableUnit,
        nodesPerRack,
        volts,
        amps,
        threePhaseFeed,
        maxUtilizationPercent,
        faultRate,
        seed,
        start);
  }

  public SiteSpec withFaultRate(double rate) {
    return new SiteSpec(
        scalableUnits,
        nodesPerScalableUnit,
        nodesPerRack,
        feedVolts,
        feedAmps,
        threePhase,
        maxUtilizationPercent,
        rate,
        seed,
        start);
  }

  public SiteSpec withSeed(long newSeed) {
    return new SiteSpec(
        scalableUnits,
        nodesPerScalableUnit,
        nodesPerRack,
        feedVolts,
        feedAmps,
        threePhase,
        maxUtilizationPercent,
        faultRate,
        newSeed,
        start);
  }

  public SiteSpec withStart(Instant newStart) {
    return new SiteSpec(
        scalableUnits,
        nodesPerScalableUnit,
        nodesPerRack,
        feedVolts,
        feedAmps,
        threePhase,
        maxUtilizationPercent,
        faultRate,
        seed,
        newStart);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
