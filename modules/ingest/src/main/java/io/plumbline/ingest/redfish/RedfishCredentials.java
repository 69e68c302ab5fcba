package io.plumbline.ingest.redfish;

/**
 * How to authenticate to a BMC: a user and password, used either for HTTP basic authentication on
 * every request or, when {@code session} is set, once to open a Redfish session whose token then
 * authenticates the crawl. No user means no authentication (a service that allows anonymous reads).
 */
public record RedfishCredentials(String user, String password, boolean session) {

  /** No authentication. */
  public static RedfishCredentials none() {
    return new RedfishCredentials(null, null, false);
  }

  public boolean present() {
    return user != null;
  }

  @Override
  public String toString() {
    // Never print the password.
    return "RedfishCredentials[user=" + user + ", session=" + session + "]";
  }
}
