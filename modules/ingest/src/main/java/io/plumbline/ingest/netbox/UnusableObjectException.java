package io.plumbline.ingest.netbox;

/** A NetBox object that lacks what its intent record needs; the message says what. */
final class UnusableObjectException extends Exception {

  private static final long serialVersionUID = 1L;

  UnusableObjectException(String reason) {
    super(reason);
  }
}
