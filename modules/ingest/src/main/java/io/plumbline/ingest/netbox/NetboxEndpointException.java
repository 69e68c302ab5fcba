package io.plumbline.ingest.netbox;

/**
 * One NetBox endpoint could not be read (HTTP error, not JSON, not a NetBox list); the message says
 * what was received and what to check. The other endpoints are still read.
 */
public final class NetboxEndpointException extends Exception {

  private static final long serialVersionUID = 1L;

  NetboxEndpointException(String message) {
    super(message);
  }

  NetboxEndpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
