package io.plumbline.ingest.redfish;

import java.io.IOException;

/**
 * A Redfish resource that could not be read: an HTTP error status (with its code), a timeout, a
 * refused TLS handshake or a body that is not JSON. The message names the resource and the cause,
 * ready for a per-BMC error report.
 */
public final class RedfishException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public RedfishException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when no response arrived (timeout, connection or TLS failure). */
  public int status() {
    return status;
  }
}
