package dev.korescore.cli.fetch;

import dev.korescore.adapters.http.KoreDateFormat;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.CliException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The connection and tuning options of every command that talks to Kore ({@code fetch}, {@code audit
 * --from/--to}): add it with {@code @Mixin KoreOptions kore;} and call {@link #openRun()}. The secret is
 * never an option value.
 */
public final class KoreOptions {
  @Option(names = "--profile", paramLabel = "FILE", description = "Kore settings in properties format (host, api, accountId, streamId, orgId, iid, clientId, clientSecret or clientSecretFile, token or tokenFile).")
  Path profile;

  @Option(names = "--host", paramLabel = "URL", description = "Kore host (default https://platform.kore.ai; env KORE_HOST); https unless loopback.")
  String host;

  @Option(names = "--api", paramLabel = "PRESET", description = "legacy, app, qualityai (default) or agentassist (env KORE_API).")
  String api;

  @Option(names = "--account-id", paramLabel = "ID", description = "Env KORE_ACCOUNT_ID.")
  String accountId;

  @Option(names = "--stream-id", paramLabel = "ID", description = "The bot/app id st-... (env KORE_STREAM_ID).")
  String streamId;

  @Option(names = "--org-id", paramLabel = "ID", description = "Env KORE_ORG_ID.")
  String orgId;

  @Option(names = "--iid", paramLabel = "ID", description = "The app preset's iid header (default: the stream id).")
  String iid;

  @Option(names = "--client-id", paramLabel = "ID", description = "The API app's Client ID cs-... (env KORE_CLIENT_ID).")
  String clientId;

  @Option(names = "--client-secret-file", paramLabel = "FILE", description = "File holding the Client Secret (or env KORE_CLIENT_SECRET; never a flag value).")
  String clientSecretFile;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding a ready-made JWT (or env KORE_TOKEN), instead of client id and secret.")
  String tokenFile;

  @Option(names = "--date-format", paramLabel = "FORMAT", defaultValue = "space", description = "space (yyyy-MM-dd HH:mm:ss, default) or iso.")
  String dateFormat;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "100", description = "Records per page, 1..100 (default ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "60", description = "Requests per minute for the account, 0 = no limit (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Requests in flight, 1..16 (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1d", description = "Window length: 1d, 6h, 30m, PT6H (default ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--max-pages", paramLabel = "N", defaultValue = "100", description = "Page guard per window; a window with more records is bisected (default ${DEFAULT-VALUE}).")
  int maxPages;

  /** The settings: each from its flag, else the profile, else {@code environment}. */
  public KoreSettings settings(Map<String, String> environment) {
    Map<KoreSettings.Key, String> flags = new EnumMap<>(KoreSettings.Key.class);
    put(flags, KoreSettings.Key.HOST, host);
    put(flags, KoreSettings.Key.API, api);
    put(flags, KoreSettings.Key.ACCOUNT_ID, accountId);
    put(flags, KoreSettings.Key.STREAM_ID, streamId);
    put(flags, KoreSettings.Key.ORG_ID, orgId);
    put(flags, KoreSettings.Key.IID, iid);
    put(flags, KoreSettings.Key.CLIENT_ID, clientId);
    put(flags, KoreSettings.Key.CLIENT_SECRET_FILE, clientSecretFile);
    put(flags, KoreSettings.Key.TOKEN_FILE, tokenFile);
    return KoreSettings.resolve(flags, profile == null ? new Properties() : KoreSettings.loadProfile(profile), environment);
  }

  /** The tuning options; a bad value is a usage error. */
  public FetchTuning tuning() {
    try {
      return new FetchTuning(pageSize, rate, concurrency, TimeArgs.duration("--window", window), maxPages,
          KoreDateFormat.parse(dateFormat));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** A {@link FetchRun} from the process environment and these options, Kore's retry policy. */
  public FetchRun openRun() {
    return openRun(System.getenv(), RetryPolicy.defaults());
  }

  /** A {@link FetchRun} from {@code environment} and these options; a bad setting is a usage error. */
  public FetchRun openRun(Map<String, String> environment, RetryPolicy retryPolicy) {
    KoreSettings settings = settings(environment);
    FetchTuning tuning = tuning();
    try {
      return FetchRun.create(settings, tuning, retryPolicy);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** Parses a {@code --from}/{@code --to} value (UTC): 2024-07-18, '2024-07-18 10:00:00', 2024-07-18T10:00:00Z. */
  public static java.time.Instant parseTime(String option, String text) {
    return TimeArgs.instant(option, text);
  }

  private static void put(Map<KoreSettings.Key, String> flags, KoreSettings.Key key, String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }
}
