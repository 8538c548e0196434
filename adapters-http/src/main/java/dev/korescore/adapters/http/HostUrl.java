package dev.korescore.adapters.http;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Kore's host as a base URL: scheme defaulted to https, doubled slashes collapsed, HTTPS required off loopback. */
final class HostUrl {
  private HostUrl() {}

  static HttpUrl parse(String host) {
    String text = host.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      throw new IllegalArgumentException("host is not a valid http(s) URL: '" + host + "'");
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "host must use https (plain http is allowed only on loopback), was '" + host + "'");
    }
    String path = url.encodedPath().replaceAll("/{2,}", "/");
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return url.newBuilder().encodedPath(path).query(null).fragment(null).build();
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
