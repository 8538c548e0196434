package dev.korescore.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentHashTest {
  private static final String HEX = "0123456789abcdef".repeat(4);

  @Test
  void takesSixtyFourLowerCaseHexDigits() {
    assertThat(ContentHash.of(HEX).hex()).isEqualTo(HEX);
    byte[] digest = new byte[32];
    digest[0] = (byte) 0xAB;
    digest[31] = 0x0F;
    assertThat(ContentHash.ofBytes(digest).hex()).isEqualTo("ab" + "00".repeat(30) + "0f");
  }

  @Test
  void refusesAnythingElse() {
    for (String bad : new String[] {HEX.substring(1), HEX + "0", HEX.toUpperCase(), HEX.substring(1) + "g",
        HEX.substring(1) + "/", HEX.substring(1) + ":", HEX.substring(1) + "`", ""}) {
      assertThatThrownBy(() -> ContentHash.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("content hash must be 64 lower-case hex digits, was '" + bad + "'");
    }
  }
}
