package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterTest {

  private static final Router.Handler.Complete OK = r -> ApiResponse.error(200, "ok");

  private final Router router =
      new Router()
          .add("GET", "/api/discrepancies", Router.Access.READ, OK)
          .add("GET", "/api/discrepancies/{id}", Router.Access.READ, OK)
          .add("POST", "/api/discrepancies/{id}/ack", Router.Access.WRITE, OK);

  @Test
  void matchesLiteralAndParameterSegments() {
    assertThat(router.match("GET", "/api/discrepancies"))
        .get()
        .extracting(m -> m.route().pattern())
        .isEqualTo("/api/discrepancies");
    assertThat(router.match("GET", "/api/discrepancies/WRONG_SKU:DEVICE:1402"))
        .get()
        .satisfies(
            m -> {
              assertThat(m.route().pattern()).isEqualTo("/api/discrepancies/{id}");
              assertThat(m.params()).containsEntry("id", "WRONG_SKU:DEVICE:1402");
            });
  }

  @Test
  void decodesPercentEncodedParameters() {
    assertThat(router.match("POST", "/api/discrepancies/UNDER_PROCURED%3ASKU%3A3%3Aa%20b/ack"))
        .get()
        .extracting(m -> m.params().get("id"))
        .isEqualTo("UNDER_PROCURED:SKU:3:a b");
  }

  @Test
  void distinguishesUnknownPathsFromWrongMethods() {
    assertThat(router.match("DELETE", "/api/discrepancies/x")).isEmpty();
    assertThat(router.pathExists("/api/discrepancies/x")).isTrue();
    assertThat(router.match("GET", "/api/nothing")).isEmpty();
    assertThat(router.pathExists("/api/nothing")).isFalse();
    assertThat(router.match("GET", "/api/discrepancies/x/y/z")).isEmpty();
  }

  @Test
  void parsesQueryStrings() {
    assertThat(ApiRequest.parseQuery("type=WRONG_SKU,MISCABLED&rack=R%2014&flag"))
        .containsEntry("type", "WRONG_SKU,MISCABLED")
        .containsEntry("rack", "R 14")
        .containsEntry("flag", "");
    assertThat(ApiRequest.parseQuery(null)).isEmpty();
  }
}
