package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void withoutATokenEverythingPasses() {
    BearerToken none = new BearerToken(null, true);
    assertThat(none.permits(Router.Access.WRITE, null)).isTrue();
    assertThat(none.header()).isNull();
  }

  @Test
  void mutationsAlwaysNeedTheToken() {
    BearerToken token = new BearerToken("s3cret", false);
    assertThat(token.permits(Router.Access.WRITE, null)).isFalse();
    assertThat(token.permits(Router.Access.WRITE, "Bearer wrong")).isFalse();
    assertThat(token.permits(Router.Access.WRITE, "Basic s3cret")).isFalse();
    assertThat(token.permits(Router.Access.WRITE, "Bearer s3cret")).isTrue();
    assertThat(token.permits(Router.Access.READ, null)).isTrue();
    assertThat(token.permits(Router.Access.OPEN, null)).isTrue();
  }

  @Test
  void readsNeedItWhenAsked() {
    BearerToken token = new BearerToken("s3cret", true);
    assertThat(token.permits(Router.Access.READ, null)).isFalse();
    assertThat(token.permits(Router.Access.READ, "Bearer s3cret")).isTrue();
    assertThat(token.permits(Router.Access.OPEN, null)).isTrue();
  }

  @Test
  void settingsNeverPrintTheToken() {
    ServiceSettings settings =
        new ServiceSettings(
            "127.0.0.1",
            0,
            null,
            "s3cret",
            true,
            java.util.Map.of(),
            java.util.Map.of(),
            io.plumbline.topology.PlumblineTopics.defaultTopics());
    assertThat(settings.toString()).doesNotContain("s3cret").contains("(set)");
  }
}
