package io.plumbline.topology.design;

import io.plumbline.avro.internal.v1.PlannedRackFeeds;
import io.plumbline.avro.internal.v1.PlannedRackLoad;
import io.plumbline.avro.v1.IntentRack;

/**
 * A rack as designed, joined on rack id with the planned draw of its devices and its A/B feeds.
 * Only passes between join and evaluation, never stored.
 *
 * @param rack the rack
 * @param load its devices' planned draws, null when the design puts no device in it
 * @param feeds its A/B feeds, null when the design connects none
 */
record RackDesign(IntentRack rack, PlannedRackLoad load, PlannedRackFeeds feeds) {

  RackDesign withFeeds(PlannedRackFeeds feeds) {
    return new RackDesign(rack, load, feeds);
  }
}
