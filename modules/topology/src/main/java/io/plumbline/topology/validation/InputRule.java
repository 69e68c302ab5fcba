package io.plumbline.topology.validation;

/**
 * One check of an input record. Throws {@link InvalidInputException} for a record that makes no
 * sense; returns normally otherwise. The clock is passed in so tests can move it.
 */
@FunctionalInterface
public interface InputRule<V> {

  /**
   * @param key the record key
   * @param value the record value, never null (tombstones are not validated)
   * @param eventTime the record's event time in epoch milliseconds
   * @param now the reconciler's clock in epoch milliseconds
   */
  void check(String key, V value, long eventTime, long now);
}
