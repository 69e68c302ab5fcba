package io.plumbline.topology.validation;

/** Refuses records without a usable key: state is per key, so a keyless record has no subject. */
public final class KeyPresent<V> implements InputRule<V> {

  @Override
  public void check(String key, V value) {
    if (key == null) {
      throw new InvalidInputException(RejectionReason.NULL_KEY, "the record has no key");
    }
    if (key.isBlank()) {
      throw new InvalidInputException(RejectionReason.BLANK_KEY, "the record key is blank");
    }
  }
}
