package dev.korescore.cli.fetch;

import dev.korescore.adapters.http.KoreDateFormat;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.CliException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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

  @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts per request, the first included (default "
      + RetryPolicy.DEFAULT_MAX_ATTEMPTS + "; profile key maxAttempts).")
  Integer maxAttempts;

  @Option(names = "--retry-budget", paramLabel = "N", description = "Retries for the whole run before it has earned more;"
      + " every page fetched earns two (default " + RetryPolicy.DEFAULT_BUDGET + "; profile key retryBudget).")
  Integer retryBudget;

  @Option(names = "--max-wait", paramLabel = "DURATION", description = "Longest single wait between attempts, backoff and"
      + " Retry-After alike: 30s, 2m (default: backoff up to 30s, Retry-After up to 2m; profile key maxWait).")
  String maxWait;

  /** The files these options read (the profile, the secret and token files), for the same-file check. */
  public List<Path> inputFiles() {
    List<Path> files = new ArrayList<>();
    if (profile != null) {
      files.add(profile);
      if (java.nio.file.Files.isRegularFile(profile)) {
        Properties properties = KoreSettings.loadProfile(profile);
        for (String key : List.of("clientSecretFile", "tokenFile")) {
          String file = blankToNull(properties.getProperty(key));
          if (file != null) {
            files.add(Path.of(file));
          }
        }
      }
    }
    if (clientSecretFile != null) {
      files.add(Path.of(clientSecretFile));
    }
    if (tokenFile != null) {
      files.add(Path.of(tokenFile));
    }
    return files;
  }

  /**
   * {@code base} tuned by {@code --max-attempts}, {@code --retry-budget} and {@code --max-wait}, each
   * from its flag, else the profile's {@code maxAttempts}, {@code retryBudget}, {@code maxWait}.
   */
  RetryPolicy retryPolicy(RetryPolicy base, Properties profileProperties) {
    RetryPolicy policy = base;
    Integer attempts = maxAttempts != null ? maxAttempts : profileInt(profileProperties, "maxAttempts");
    Integer budget = retryBudget != null ? retryBudget : profileInt(profileProperties, "retryBudget");
    String wait = maxWait != null ? maxWait : blankToNull(profileProperties.getProperty("maxWait"));
    try {
      if (attempts != null) {
        if (attempts < 1) {
          throw new IllegalArgumentException("--max-attempts must be >= 1, was " + attempts);
        }
        policy = policy.withMaxAttempts(attempts);
      }
      if (budget != null) {
        if (budget < 0) {
          throw new IllegalArgumentException("--retry-budget must be >= 0, was " + budget);
        }
        policy = policy.withBudget(budget);
      }
      if (wait != null) {
        Duration duration = TimeArgs.duration("--max-wait", wait);
        policy = policy.withMaxWait(duration);
      }
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    return policy;
  }

  private static Integer profileInt(Properties properties, String key) {
    String value = blankToNull(properties.getProperty(key));
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw CliException.usage("the profile's " + key + " must be a whole number");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Properties profileProperties() {
    return profile == null ? new Properties() : KoreSettings.loadProfile(profile);
  }

  /** The settings: each from its flag, else the profile, else {@code environment}. */
  public KoreSettings settings(Map<String, String> environment) {
    return settings(environment, profileProperties());
  }

  private KoreSettings settings(Map<String, String> environment, Properties profileProperties) {
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
    return KoreSettings.resolve(flags, profileProperties, environment);
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
    Properties profileProperties = profileProperties();
    KoreSettings settings = settings(environment, profileProperties);
    FetchTuning tuning = tuning();
    RetryPolicy tuned = retryPolicy(retryPolicy, profileProperties);
    try {
      return FetchRun.create(settings, tuning, tuned);
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
