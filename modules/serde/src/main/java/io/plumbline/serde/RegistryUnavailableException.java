package io.plumbline.serde;

/**
 * No configured registry URL answered, after every retry with backoff ({@code
 * schema.registry.retries}, {@code schema.registry.retry.backoff.ms}). The message names the URLs
 * tried and the last error.
 */
public class RegistryUnavailableException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} is the last connection error seen. */
  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
