package io.plumbline.service;

/** A request that cannot be answered, with the HTTP status and a message for the caller. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  /** The answer depends on state that is not queryable right now (starting, rebalancing). */
  static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }
}
