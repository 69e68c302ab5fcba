package io.plumbline.topology.validation;

/**
 * One check of an input record's key or values. Throws {@link InvalidInputException} for a record
 * that makes no sense; returns normally otherwise. (Event times are judged where they are read:
 * {@link FarFutureGuard}.)
 */
@FunctionalInterface
public interface InputRule<V> {

  /**
   * @param key the record key
   * @param value the record value, never null (tombstones are not validated)
   */
  void check(String key, V value);
}
