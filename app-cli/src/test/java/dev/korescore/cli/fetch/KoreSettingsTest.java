package dev.korescore.cli.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.adapters.http.ApiPreset;
import dev.korescore.cli.common.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KoreSettingsTest {
  @TempDir Path dir;

  @Test
  void eachSettingComesFromTheFlagElseTheProfileElseTheEnvironment() {
    Map<KoreSettings.Key, String> flags = new EnumMap<>(KoreSettings.Key.class);
    flags.put(KoreSettings.Key.ACCOUNT_ID, "acc-flag");
    Properties profile = new Properties();
    profile.setProperty("accountId", "acc-profile");
    profile.setProperty("streamId", "st-profile");
    profile.setProperty("api", "legacy");
    Map<String, String> env = Map.of("KORE_ACCOUNT_ID", "acc-env", "KORE_STREAM_ID", "st-env", "KORE_ORG_ID", "o-env",
        "KORE_CLIENT_ID", "cs-env", "KORE_CLIENT_SECRET", "the-secret");
    KoreSettings settings = KoreSettings.resolve(flags, profile, env);
    assertThat(settings.accountId()).isEqualTo("acc-flag");
    assertThat(settings.streamId()).contains("st-profile");
    assertThat(settings.orgId()).contains("o-env");
    assertThat(settings.api()).isEqualTo(ApiPreset.LEGACY);
    assertThat(settings.host()).isEqualTo(KoreSettings.DEFAULT_HOST);
    assertThat(settings.credentials().clientId()).contains("cs-env");
    assertThat(settings.toString()).doesNotContain("the-secret");
  }

  @Test
  void aTokenFileReplacesClientCredentials() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n");
    Map<KoreSettings.Key, String> flags = new EnumMap<>(KoreSettings.Key.class);
    flags.put(KoreSettings.Key.TOKEN_FILE, token.toString());
    KoreSettings settings = KoreSettings.resolve(flags, new Properties(),
        Map.of("KORE_ACCOUNT_ID", "a", "KORE_STREAM_ID", "s", "KORE_ORG_ID", "o"));
    assertThat(settings.credentials().clientId()).isEqualTo(Optional.empty());
    assertThat(settings.credentials().toString()).doesNotContain("eyJ");
  }

  @Test
  void aMissingSecretSaysWhereToPutIt() {
    assertThatThrownBy(() -> KoreSettings.resolve(Map.of(), new Properties(),
        Map.of("KORE_ACCOUNT_ID", "a", "KORE_STREAM_ID", "s", "KORE_ORG_ID", "o", "KORE_CLIENT_ID", "cs")))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("--client-secret-file").hasMessageContaining("KORE_CLIENT_SECRET");
  }

  @Test
  void timesAreUtcInSeveralFormsAndDurationsInShortOrIsoForm() {
    assertThat(TimeArgs.instant("--from", "2024-07-18")).isEqualTo(Instant.parse("2024-07-18T00:00:00Z"));
    assertThat(TimeArgs.instant("--from", "2024-07-18 10:30:05")).isEqualTo(Instant.parse("2024-07-18T10:30:05Z"));
    assertThat(TimeArgs.instant("--from", "2024-07-18T10:30:05Z")).isEqualTo(Instant.parse("2024-07-18T10:30:05Z"));
    assertThat(TimeArgs.instant("--from", "2024-07-18T12:30:05+02:00")).isEqualTo(Instant.parse("2024-07-18T10:30:05Z"));
    assertThat(TimeArgs.duration("--window", "1d")).isEqualTo(Duration.ofDays(1));
    assertThat(TimeArgs.duration("--window", "6h")).isEqualTo(Duration.ofHours(6));
    assertThat(TimeArgs.duration("--window", "PT30M")).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> TimeArgs.instant("--to", "yesterday")).hasMessageContaining("--to").hasMessageContaining("yesterday");
    assertThatThrownBy(() -> TimeArgs.duration("--window", "")).hasMessageContaining("--window");
  }

  @Test
  void aTokenAndClientCredentialsTheMoreSpecificLevelWinsAndATieGoesToTheToken() {
    Properties profile = new Properties();
    profile.setProperty("accountId", "a");
    profile.setProperty("orgId", "o");
    profile.setProperty("streamId", "st-1");
    profile.setProperty("clientId", "cs-profile");
    profile.setProperty("clientSecret", "profile-secret");
    Map<KoreSettings.Key, String> noFlags = Map.of();
    // a token left in the environment does not beat client credentials in the profile
    assertThat(KoreSettings.resolve(noFlags, profile, Map.of("KORE_TOKEN", "eyJ.env.token")).credentials().clientId())
        .hasValue("cs-profile");
    // a token in the profile beats a client id in the environment; at the same level the token wins
    Properties withToken = new Properties();
    withToken.putAll(profile);
    withToken.setProperty("token", "eyJ.profile.token");
    assertThat(KoreSettings.resolve(noFlags, withToken, Map.of()).credentials().clientId()).isEmpty();
    profile.remove("clientId");
    profile.setProperty("token", "eyJ.profile.token");
    assertThat(KoreSettings.resolve(noFlags, profile, Map.of("KORE_CLIENT_ID", "cs-env", "KORE_CLIENT_SECRET", "s"))
        .credentials().clientId()).isEmpty();
    // a client id given as a flag beats a token in the profile
    assertThat(KoreSettings.resolve(Map.of(KoreSettings.Key.CLIENT_ID, "cs-flag"), profile,
        Map.of("KORE_CLIENT_SECRET", "s")).credentials().clientId()).hasValue("cs-flag");
  }
}
