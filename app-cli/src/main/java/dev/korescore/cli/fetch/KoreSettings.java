package dev.korescore.cli.fetch;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.http.ApiPreset;
import dev.korescore.adapters.http.KoreCredentials;
import dev.korescore.adapters.http.Secret;
import dev.korescore.cli.common.CliException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Kore is and who we are: host, API preset, ids and credentials. {@link #resolve} takes each
 * setting from a command-line flag, else the profile file, else the environment. The secret is never a
 * flag value: it comes from a file ({@code --client-secret-file}), the profile or {@code
 * KORE_CLIENT_SECRET}.
 *
 * <p>A ready-made token and client credentials: whichever is given at the more specific level wins
 * (flag, then profile, then environment, the same order as every setting); given at the same level, the
 * token wins. A token is a ready decision (someone minted it for this call); a client id in the
 * environment is a standing default.
 */
public record KoreSettings(
    String host,
    ApiPreset api,
    String accountId,
    Optional<String> streamId,
    Optional<String> orgId,
    Optional<String> iid,
    KoreCredentials credentials) {
  /** Kore's public cloud. */
  public static final String DEFAULT_HOST = "https://platform.kore.ai";

  public KoreSettings {
    requireNonNull(host, "host");
    requireNonNull(api, "api");
    requireNonNull(accountId, "accountId");
    requireNonNull(streamId, "streamId");
    requireNonNull(orgId, "orgId");
    requireNonNull(iid, "iid");
    requireNonNull(credentials, "credentials");
  }

  /** One setting: its flag, its environment variable and its profile key. */
  enum Key {
    HOST("--host", "KORE_HOST", "host"),
    API("--api", "KORE_API", "api"),
    ACCOUNT_ID("--account-id", "KORE_ACCOUNT_ID", "accountId"),
    STREAM_ID("--stream-id", "KORE_STREAM_ID", "streamId"),
    ORG_ID("--org-id", "KORE_ORG_ID", "orgId"),
    IID("--iid", "KORE_IID", "iid"),
    CLIENT_ID("--client-id", "KORE_CLIENT_ID", "clientId"),
    CLIENT_SECRET_FILE("--client-secret-file", "KORE_CLIENT_SECRET_FILE", "clientSecretFile"),
    CLIENT_SECRET(null, "KORE_CLIENT_SECRET", "clientSecret"),
    TOKEN_FILE("--token-file", "KORE_TOKEN_FILE", "tokenFile"),
    TOKEN(null, "KORE_TOKEN", "token");

    final String flag;
    final String env;
    final String profileKey;

    Key(String flag, String env, String profileKey) {
      this.flag = flag;
      this.env = env;
      this.profileKey = profileKey;
    }

    String sources() {
      return (flag == null ? "" : flag + ", ") + "the profile's " + profileKey + " or " + env;
    }
  }

  /** Reads a profile file in properties format (keys as in {@link Key}: host, accountId, clientSecret...). */
  public static Properties loadProfile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw CliException.usage("cannot read the profile " + file + ": " + e.getMessage());
    }
    return properties;
  }

  /**
   * Resolves every setting.
   *
   * @param flags flag values by {@link Key} name (never a secret)
   * @param profile the profile file's properties (empty when none)
   * @param env the environment
   */
  static KoreSettings resolve(Map<Key, String> flags, Properties profile, Map<String, String> env) {
    Lookup lookup = new Lookup(flags, profile, env);
    String host = lookup.get(Key.HOST).orElse(DEFAULT_HOST);
    ApiPreset api;
    try {
      api = lookup.get(Key.API).map(ApiPreset::parse).orElse(ApiPreset.QUALITYAI);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    String accountId = lookup.required(Key.ACCOUNT_ID, "account id");
    Optional<String> streamId = lookup.get(Key.STREAM_ID);
    if (api != ApiPreset.LEGACY && streamId.isEmpty()) {
      lookup.required(Key.STREAM_ID, "stream id (the bot/app id st-..., needed by api " + api.cliName() + ")");
    }
    Optional<String> orgId = lookup.get(Key.ORG_ID);
    if ((api == ApiPreset.QUALITYAI || api == ApiPreset.AGENTASSIST) && orgId.isEmpty()) {
      lookup.required(Key.ORG_ID, "org id (needed by api " + api.cliName() + ")");
    }
    return new KoreSettings(host, api, accountId, streamId, orgId, lookup.get(Key.IID), credentials(lookup));
  }

  private static KoreCredentials credentials(Lookup lookup) {
    int tokenLevel = Math.min(lookup.level(Key.TOKEN_FILE), lookup.level(Key.TOKEN));
    if (tokenLevel != Lookup.ABSENT && tokenLevel <= lookup.level(Key.CLIENT_ID)) {
      boolean fromFile = lookup.level(Key.TOKEN_FILE) <= lookup.level(Key.TOKEN);
      return KoreCredentials.token(Secret.of(fromFile
          ? readSecretFile(lookup.get(Key.TOKEN_FILE).orElseThrow(), Key.TOKEN_FILE)
          : lookup.get(Key.TOKEN).orElseThrow()));
    }
    String id = lookup.required(Key.CLIENT_ID, "client id (cs-...)");
    Optional<String> secretFile = lookup.get(Key.CLIENT_SECRET_FILE);
    String secret;
    if (secretFile.isPresent()) {
      secret = readSecretFile(secretFile.get(), Key.CLIENT_SECRET_FILE);
    } else {
      secret = lookup.get(Key.CLIENT_SECRET).orElseThrow(() -> CliException.usage(
          "client secret missing: give --client-secret-file FILE, the profile's clientSecret or clientSecretFile, or KORE_CLIENT_SECRET"));
    }
    return KoreCredentials.clientCredentials(id, Secret.of(secret));
  }

  private static String readSecretFile(String file, Key key) {
    try {
      String text = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw CliException.usage((key.flag == null ? key.profileKey : key.flag) + " " + file + " is empty");
      }
      return text;
    } catch (IOException e) {
      throw CliException.usage("cannot read " + (key.flag == null ? key.profileKey : key.flag) + " " + file + ": "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : "not readable"));
    }
  }

  private record Lookup(Map<Key, String> flags, Properties profile, Map<String, String> env) {
    static final int ABSENT = 3;

    /** Where {@code key} is given: 0 flag, 1 profile, 2 environment, {@link #ABSENT}. */
    int level(Key key) {
      if (nonBlank(flags.get(key)).isPresent()) {
        return 0;
      }
      if (nonBlank(profile.getProperty(key.profileKey)).isPresent()) {
        return 1;
      }
      return nonBlank(env.get(key.env)).isPresent() ? 2 : ABSENT;
    }

    Optional<String> get(Key key) {
      return nonBlank(flags.get(key))
          .or(() -> nonBlank(profile.getProperty(key.profileKey)))
          .or(() -> nonBlank(env.get(key.env)));
    }

    String required(Key key, String what) {
      return get(key).orElseThrow(() -> CliException.usage(what + " missing: give " + key.sources()));
    }

    private static Optional<String> nonBlank(String value) {
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
  }

  @Override
  public String toString() {
    return "KoreSettings[" + host + ", " + api.cliName() + ", account " + accountId + ", " + credentials + "]";
  }
}
