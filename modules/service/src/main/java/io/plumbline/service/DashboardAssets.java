package io.plumbline.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ops dashboard's static files (plain HTML, CSS and ES modules, no build step), served from
 * this module's resources under {@code /ui/}; {@code /} is its page. Only flat names with a known
 * extension are served, so a path can never reach another resource.
 */
final class DashboardAssets {

  static final String RESOURCE_DIR = "/io/plumbline/service/ui/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml");

  private DashboardAssets() {}

  /** The dashboard page. */
  static ApiResponse index() throws IOException {
    return file("index.html");
  }

  /** One dashboard file by name; 404 for anything else. */
  static ApiResponse file(String name) throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.notFound("no dashboard file '" + name + "'");
    }
    try (InputStream in = DashboardAssets.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw ApiException.notFound("no dashboard file '" + name + "'");
      }
      String extension = name.substring(name.lastIndexOf('.') + 1);
      return new ApiResponse(200, TYPES.get(extension), in.readAllBytes(), Map.of())
          .withHeader("Cache-Control", "no-cache")
          .withHeader("X-Content-Type-Options", "nosniff");
    }
  }
}
