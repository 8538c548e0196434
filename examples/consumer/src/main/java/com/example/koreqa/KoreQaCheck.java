package com.example.koreqa;


import dev.korescore.adapters.http.KoreCredentials;
import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.adapters.http.RetrofitRawDataAdapter;
import dev.korescore.adapters.http.Secret;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictKind;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's nightly check of Kore's Quality AI scores: fetch a period from Kore's Raw Data API (or take a
 * saved export), read every record with korescore's JSON reader and recompute every score with its engine.
 */
public final class KoreQaCheck {
  private final KoreAuditor auditor = KoreAuditor.defaults();
  private final ReadInteractionsPort reader = JacksonInteractionReaderAdapter.create();
  private final RateLimiter limit;

  /** A check that fetches within {@code limit}: one limiter per Kore account ({@code RateLimiter.perMinute(60)}). */
  public KoreQaCheck(RateLimiter limit) {
    this.limit = limit;
  }

  /** What one check found. */
  public record Report(long interactions, long matches, List<String> problems) {
    public Report {
      problems = List.copyOf(problems);
    }
  }

  /** Checks a saved Raw Data export: an API response, a JSON array or JSON Lines, plain or gzip. */
  public Report checkExport(String name, InputStream export) {
    List<Interaction> interactions = new ArrayList<>();
    try (InteractionStream xs = reader.open(name, export, ReadOptions.strict())) {
      xs.forEachRemaining(interactions::add);
    }
    return check(interactions);
  }

  /** Fetches every interaction that started in [from, to) from Kore (or a simulator of it) and checks it. */
  public Report checkPeriod(Kore kore, Instant from, Instant to) {
    List<Interaction> interactions = new ArrayList<>();
    try (RetrofitRawDataAdapter client = RetrofitRawDataAdapter.builder()
            .host(kore.host())
            .accountId(kore.accountId()).streamId(kore.streamId()).orgId(kore.orgId())
            .credentials(KoreCredentials.clientCredentials(kore.clientId(), Secret.of(kore.clientSecret())))
            .wireFormat(JacksonRawDataWireAdapter.create())
            .rateLimiter(limit)
            .build();
        RawRecordStream records = client.fetch(FetchRequest.of(from, to))) {
      // fetched records are read exactly as the lines of a file holding them
      try (InteractionStream xs = reader.open("kore", records, ReadOptions.strict())) {
        xs.forEachRemaining(interactions::add);
      }
    }
    return check(interactions);
  }

  private Report check(List<Interaction> interactions) {
    List<String> problems = new ArrayList<>();
    long matches = 0;
    for (Interaction interaction : interactions) {
      Verdict verdict = auditor.verify(interaction);
      if (verdict.kind() == VerdictKind.MATCH) {
        matches++;
      } else if (verdict.isProblem()) {
        problems.add(verdict.conversationId().value() + " " + verdict.kind());
      }
    }
    return new Report(interactions.size(), matches, problems);
  }

  /** Where Kore is and who we are there. */
  public record Kore(String host, String accountId, String streamId, String orgId, String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "Kore[" + host + ", account " + accountId + ", stream " + streamId + ", client " + clientId + "]";
    }
  }
}
