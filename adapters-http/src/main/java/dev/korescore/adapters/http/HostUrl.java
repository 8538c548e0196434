package dev.korescore.adapters.http;

import dev.korescore.core.text.TerminalText;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Kore's host as a base URL: the scheme required ({@code https://}, or {@code http://} on loopback),
 * no credentials in it, doubled slashes collapsed. Error messages never repeat what precedes an {@code @}
 * in the authority, so a password typed into the host is not printed.
 */
final class HostUrl {
  private HostUrl() {}

  static HttpUrl parse(String host) {
    String text = host.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (hasUserInfo(text)) {
      throw new IllegalArgumentException("host must not contain a user name or password (user:password@host); "
          + "give the client id and secret as documented, never in the URL");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      throw new IllegalArgumentException("host must start with https:// (http:// only on loopback), was '"
          + TerminalText.visible(text, 80) + "'");
    }
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      throw new IllegalArgumentException("host is not a valid http(s) URL: '" + TerminalText.visible(text, 80) + "'");
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "host must use https (plain http is allowed only on loopback), was '" + TerminalText.visible(text, 80) + "'");
    }
    String path = url.encodedPath().replaceAll("/{2,}", "/");
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return url.newBuilder().encodedPath(path).query(null).fragment(null).build();
  }

  /** True when the authority (between {@code //} and the next {@code /}, {@code ?} or {@code #}) has an {@code @}. */
  static boolean hasUserInfo(String text) {
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = text.length();
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return text.substring(start, end).indexOf('@') >= 0;
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
