package io.plumbline.serde;

/**
 * The registry refused the credentials (HTTP 401) or the permission (HTTP 403). Never retried:
 * retrying cannot fix a wrong password, and retrying would only delay the failure and could lock
 * the account.
 */
public class RegistryAuthenticationException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /**
   * Creates the exception.
   *
   * @param registryUrl the URL that refused, without credentials
   * @param httpStatus 401 or 403
   * @param registryMessage the registry's own explanation, or an empty string
   */
  public RegistryAuthenticationException(
      String registryUrl, int httpStatus, String registryMessage) {
    super(
        String.format(
            "Schema registry at %s refused the credentials (HTTP %d %s)%s; check"
                + " basic.auth.credentials.source and basic.auth.user.info. Not retried.",
            registryUrl,
            httpStatus,
            httpStatus == 401 ? "Unauthorized" : "Forbidden",
            registryMessage.isEmpty() ? "" : ": " + registryMessage));
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the registry answered, 401 or 403. */
  public int httpStatus() {
    return httpStatus;
  }
}
