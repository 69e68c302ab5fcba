package io.plumbline.topology.query;

import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds transitions and acknowledgements into a discrepancy's view. History keeps the latest {@link
 * #HISTORY_LIMIT} transitions, so a discrepancy that flaps for months stays small. A RESOLVED
 * transition ends the acknowledgement: if the cause comes back, that is news again. A transition
 * already in the history (same revision, re-delivered) changes nothing.
 */
public final class DiscrepancyViews {

  /** Transitions kept per discrepancy. */
  public static final int HISTORY_LIMIT = 20;

  private DiscrepancyViews() {}

  /** The view after one update; {@code before} may be null (nothing known yet). */
  static DiscrepancyView apply(String id, DiscrepancyView before, ViewUpdate update) {
    if (update.transition() == null && update.acknowledgement() == null && !update.withdrawn()) {
      return before;
    }
    DiscrepancyView view =
        before != null
            ? DiscrepancyView.newBuilder(before).build()
            : DiscrepancyView.newBuilder().setId(id).setHistory(new ArrayList<>()).build();
    if (update.transition() != null) {
      Discrepancy transition = update.transition();
      List<Discrepancy> history = new ArrayList<>(view.getHistory());
      boolean seen = history.stream().anyMatch(transition::equals);
      if (seen) {
        return before;
      }
      history.add(transition);
      if (history.size() > HISTORY_LIMIT) {
        history = new ArrayList<>(history.subList(history.size() - HISTORY_LIMIT, history.size()));
      }
      view.setHistory(history);
      Discrepancy current = view.getCurrent();
      if (current == null || transition.getRevision() >= current.getRevision()) {
        view.setCurrent(transition);
        if (transition.getState() == DiscrepancyState.RESOLVED) {
          view.setAcknowledgement(null);
        }
      }
    } else if (update.withdrawn()) {
      view.setAcknowledgement(null);
    } else if (update.acknowledgement() != null) {
      view.setAcknowledgement(update.acknowledgement());
    }
    return view;
  }
}
