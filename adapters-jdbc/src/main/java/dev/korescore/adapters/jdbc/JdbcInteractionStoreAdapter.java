package dev.korescore.adapters.jdbc;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Queue;
import dev.korescore.core.store.ContentHash;
import dev.korescore.core.store.CurrentRecord;
import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.ScoreSnapshot;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.StoreTable;
import dev.korescore.core.store.StoredVerdict;
import dev.korescore.core.store.StoredVersion;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.SyncState;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WeeklyChanges;
import dev.korescore.core.store.WindowResult;
import dev.korescore.core.store.WindowWrite;
import dev.korescore.core.store.WriteInteractionStorePort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The versioned interaction store on JDBC: a DuckDB file (the embedded default) or a PostgreSQL
 * database. Open the single writer with {@link #openWriter(String)} ({@code sync}) or a reader with
 * {@link #openReader(String)} ({@code audit --store}, {@code history}, {@code export}); both apply or
 * check the migrations first. Not thread-safe: one thread uses one store.
 *
 * <pre>{@code
 * try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter("korescore.duckdb")) {
 *   SyncRun run = new SyncRun(store.nextRunId(), clock.instant(), endpoint);
 *   try (WindowWrite window = store.beginWindow(run, clock.instant())) {
 *     window.add(firstChunk);
 *     window.add(nextChunk);
 *     WindowResult result = window.commit(ledger, clock.instant(), ledger.complete());
 *   }
 * }
 * }</pre>
 */
public final class JdbcInteractionStoreAdapter implements WriteInteractionStorePort {
  private static final String JOIN = " | ";
  private static final String STAGE_KEYS = "stage_keys";

  private final StoreLocation location;
  private final Dialect dialect;
  private final Connection connection;
  private final boolean writer;
  private final int schemaVersion;
  private boolean stagesCreated;
  private boolean openWindow;
  /** The writer's conversations, read on its first look-up (see {@link StoredConversations}). */
  private StoredConversations stored;
  /** The writer's memory cap in bytes, as {@link Dialect#roomFor} last left it (DuckDB). */
  private long memoryCap;

  private JdbcInteractionStoreAdapter(
      StoreLocation location, Connection connection, boolean writer, int schemaVersion) {
    this.location = location;
    this.dialect = location.dialect();
    this.connection = connection;
    this.writer = writer;
    this.schemaVersion = schemaVersion;
    this.memoryCap = writer && dialect == Dialect.DUCKDB ? Dialect.bytes(Dialect.memoryLimit()) : 0;
  }

  /**
   * Opens {@code store} (a DuckDB file, created when missing, or a {@code jdbc:postgresql://} URL) as its
   * only writer, applying pending migrations.
   *
   * @throws StoreException when the store cannot be opened, is in use or is newer than this build
   * @throws IllegalArgumentException when {@code store} names neither kind of store
   */
  public static WriteInteractionStorePort openWriter(String store) {
    return open(StoreLocation.parse(store), true);
  }

  /** Opens an existing {@code store} for reading; many readers may share it (not while a DuckDB writer works). */
  public static ReadInteractionStorePort openReader(String store) {
    return open(StoreLocation.parse(store), false);
  }

  /** The store's location as {@code store} names it, safe to print (a URL's password replaced by ***). */
  public static String describe(String store) {
    return StoreLocation.parse(store).toString();
  }

  private static JdbcInteractionStoreAdapter open(StoreLocation location, boolean writer) {
    Dialect dialect = location.dialect();
    Connection connection = null;
    try {
      connection = dialect.connect(location, writer);
      if (dialect == Dialect.POSTGRESQL) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET TIME ZONE 'UTC'");
        }
      }
      int version;
      if (writer) {
        dialect.lockForWriting(connection, location);
        version = Migrations.migrate(connection, dialect, location);
        dialect.configureWriter(connection);
        connection.setAutoCommit(false);
      } else {
        version = Migrations.check(connection, location);
        dialect.capReading(connection);
      }
      return new JdbcInteractionStoreAdapter(location, connection, writer, version);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw dialect.translate(location, writer, "open", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public String location() {
    return location.toString();
  }

  /** The schema version of the store (the highest migration applied). */
  public int schemaVersion() {
    return schemaVersion;
  }

  @Override
  public SyncState syncState() {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT (SELECT high_water_mark FROM sync_state WHERE id = 1),"
                + " (SELECT count(DISTINCT run_id) FROM sync_runs)")) {
      rs.next();
      return new SyncState(instant(rs, 1), rs.getLong(2));
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "read", e);
    }
  }

  @Override
  public long nextRunId() {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT coalesce(max(run_id), 0) + 1 FROM sync_runs")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "read", e);
    }
  }

  @Override
  public WindowWrite beginWindow(SyncRun run, Instant observedAt) {
    requireNonNull(run, "run");
    requireNonNull(observedAt, "observedAt");
    if (!writer) {
      throw new IllegalStateException("the store " + location + " was opened for reading");
    }
    if (openWindow) {
      throw new IllegalStateException("a window of the store " + location + " is open: commit or close it first");
    }
    try {
      createStages();
    } catch (SQLException e) {
      rollback();
      throw dialect.translate(location, writer, "write to", e);
    }
    openWindow = true;
    return new Window(run, observedAt);
  }

  /** One window's transaction: each chunk is staged and merged at once, the commit comes at the end. */
  private final class Window implements WindowWrite {
    private final SyncRun run;
    private final Instant observedAt;
    private final Set<String> ids = new HashSet<>();
    /**
     * The conversations {@link #skipUnchanged} found new or changed and no {@link #add} took yet (a sync
     * looks up the next chunk before it adds this one), and the current version of the changed ones.
     */
    private final Set<String> looked = new HashSet<>();
    private final Map<String, Existing> known = new HashMap<>();
    private final Map<VersionChange, Long> counts = new EnumMap<>(VersionChange.class);
    private long unchanged;
    private boolean done;

    Window(SyncRun run, Instant observedAt) {
      this.run = run;
      this.observedAt = observedAt;
    }

    @Override
    public Set<ConversationId> skipUnchanged(Map<ConversationId, ContentHash> hashes) {
      requireNonNull(hashes, "hashes");
      requireOpen();
      for (ConversationId id : hashes.keySet()) {
        if (ids.contains(id.value())) {
          throw twice(id);
        }
      }
      if (hashes.isEmpty()) {
        return Set.of();
      }
      return orClose("read", () -> {
        Map<String, String> keys = new HashMap<>(hashes.size() * 2);
        hashes.forEach((id, hash) -> keys.put(id.value(), hash.hex()));
        Map<String, Existing> found = lookup(keys);
        Set<ConversationId> changed = new HashSet<>(hashes.keySet());
        for (Map.Entry<ConversationId, ContentHash> entry : hashes.entrySet()) {
          String id = entry.getKey().value();
          Existing before = found.get(id);
          if (before != null && before.hash().equals(entry.getValue().hex())) {
            changed.remove(entry.getKey());
            ids.add(id);
            unchanged++;
          } else {
            looked.add(id);
            if (before != null) {
              known.put(id, before);
            }
          }
        }
        return changed;
      });
    }

    @Override
    public void add(List<ScoredRecord> records) {
      requireNonNull(records, "records");
      requireOpen();
      for (ScoredRecord record : records) {
        if (!ids.add(record.conversationId().value())) {
          throw twice(record.conversationId());
        }
      }
      if (records.isEmpty()) {
        return;
      }
      orClose("write to", () -> {
        addChunk(records);
        return null;
      });
    }

    private void addChunk(List<ScoredRecord> records) throws SQLException {
      Map<String, Existing> existing = existing(records, looked, known);
      List<Staged> changed = new ArrayList<>();
      for (ScoredRecord record : records) {
        Existing before = existing.get(record.conversationId().value());
        if (before != null && before.hash.equals(record.contentHash().hex())) {
          unchanged++;
          continue;
        }
        Staged staged;
        if (before == null) {
          staged = new Staged(record, 1, VersionChange.NEW, List.of(), observedAt);
        } else {
          ScoreSnapshot after = ScoreSnapshot.of(record.interaction());
          ScoreSnapshot old = before.snapshot();
          staged = new Staged(record, before.version + 1, old.changeTo(after), old.answersChangedTo(after),
              before.firstSeenAt);
        }
        counts.merge(staged.change, 1L, Long::sum);
        changed.add(staged);
      }
      // New conversations go straight into the tables (an Appender on DuckDB: no staging copy, no
      // upsert); new versions of stored ones replace the current rows through the staging tables.
      long largest = 0;
      for (Staged staged : changed) {
        largest = Math.max(largest, staged.record.raw().json().length());
      }
      memoryCap = dialect.roomFor(connection, largest, memoryCap);
      List<Staged> fresh = changed.stream().filter(c -> c.version == 1).toList();
      List<Staged> replacing = changed.stream().filter(c -> c.version > 1).toList();
      write(fresh, run, observedAt, false);
      if (!replacing.isEmpty()) {
        write(replacing, run, observedAt, true);
        merge();
      }
    }

    @Override
    public WindowResult commit(WindowLedger ledger, Instant committedAt, boolean advance) {
      requireNonNull(ledger, "ledger");
      requireNonNull(committedAt, "committedAt");
      requireOpen();
      return orClose("write to", () -> {
        WindowResult result = new WindowResult(ledger.window(), counts, unchanged);
        recordWindow(run, ledger, result, committedAt);
        if (advance) {
          advance(ledger.window().end());
        }
        connection.commit();
        finish();
        return result;
      });
    }

    /** {@code step}'s result; if it fails, the window is rolled back and closed first ({@code doing}: for the message). */
    private <T> T orClose(String doing, SqlStep<T> step) {
      try {
        return step.run();
      } catch (SQLException e) {
        close();
        throw dialect.translate(location, writer, doing, e);
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
    }

    /** Closes the window (nothing of it is kept) and says that {@code id} came twice. */
    private IllegalArgumentException twice(ConversationId id) {
      close();
      return new IllegalArgumentException("conversation " + id
          + " appears twice in one window (nothing of the window was kept)");
    }

    @Override
    public void close() {
      if (!done) {
        rollback();
        finish();
      }
    }

    private void finish() {
      done = true;
      openWindow = false;
    }

    private void requireOpen() {
      if (done) {
        throw new IllegalStateException("this window of the store " + location + " was committed or closed");
      }
    }
  }

  private record Existing(String hash, int version, OptionalInt koreScore, Optional<Boolean> passed,
      Instant firstSeenAt, List<ScoreSnapshot.Answer> answers) {
    /** A stored conversation whose hash is the one looked up: nothing but its hash is read. */
    static Existing unchanged(String hash) {
      return new Existing(hash, 0, OptionalInt.empty(), Optional.empty(), Instant.EPOCH, List.of());
    }

    ScoreSnapshot snapshot() {
      return new ScoreSnapshot(koreScore, passed, answers);
    }
  }

  /** A step on the store's connection. */
  @FunctionalInterface
  private interface SqlStep<T> {
    T run() throws SQLException;
  }

  private record Staged(ScoredRecord record, int version, VersionChange change, List<String> changedAnswers,
      Instant firstSeenAt) {}

  private void createStages() throws SQLException {
    if (stagesCreated) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      String text = dialect == Dialect.DUCKDB ? "VARCHAR" : "TEXT";
      statement.execute("CREATE TEMP TABLE " + STAGE_KEYS + " (conversation_id " + text + ", content_hash " + text + ")");
      statement.execute(dialect.createStage(stage("interactions"), dialect.currentTable()));
      for (String table : List.of("interaction_metrics", "interaction_versions", "verdicts")) {
        statement.execute(dialect.createStage(stage(table), table));
      }
    }
    connection.commit();
    stagesCreated = true;
  }

  private static String stage(String table) {
    return "stage_" + table;
  }

  /** Empties the staging tables ({@link #clearStages}) and stages {@code ids} with their hashes as keys. */
  private void stageKeys(List<String> ids, Map<String, String> hashes, boolean keysOnly) throws SQLException {
    clearStages(keysOnly);
    try (RowWriter keys = rowWriter(STAGE_KEYS, null)) {
      for (String id : ids) {
        keys.text(id);
        keys.text(hashes.get(id));
        keys.endRow();
      }
    }
  }

  /** Empties the staging tables: {@code keysOnly}, the keys' (a look-up), else all (a chunk of new versions). */
  private void clearStages(boolean keysOnly) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : keysOnly ? List.of(STAGE_KEYS) : List.of(STAGE_KEYS, stage("interactions"),
          stage("interaction_metrics"), stage("interaction_versions"), stage("verdicts"))) {
        statement.execute("DELETE FROM " + table);
      }
    }
  }

  /**
   * The current version of each of {@code records} already stored, with its answers when its hash differs:
   * from {@code known} when {@code looked} holds every record (the window's {@code skipUnchanged} looked
   * them up), else looked up now; the records leave {@code looked} and {@code known}.
   */
  private Map<String, Existing> existing(List<ScoredRecord> records, Set<String> looked, Map<String, Existing> known)
      throws SQLException {
    Map<String, String> hashes = new HashMap<>(records.size() * 2);
    for (ScoredRecord record : records) {
      hashes.put(record.conversationId().value(), record.contentHash().hex());
    }
    Map<String, Existing> existing;
    if (looked.containsAll(hashes.keySet())) {
      existing = new HashMap<>();
      for (String id : hashes.keySet()) {
        Existing before = known.get(id);
        if (before != null) {
          existing.put(id, before);
        }
      }
    } else {
      existing = lookup(hashes);
    }
    looked.removeAll(hashes.keySet());
    known.keySet().removeAll(hashes.keySet());
    List<String> changed = existing.entrySet().stream()
        .filter(e -> !e.getValue().hash().equals(hashes.get(e.getKey())))
        .map(Map.Entry::getKey)
        .toList();
    if (changed.isEmpty()) {
      return existing; // all new or unchanged: no answers to compare (and no scan of the metrics)
    }
    stageKeys(changed, hashes, false);
    Map<String, List<ScoreSnapshot.Answer>> answers = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT m.conversation_id, m.metric_id, m.name, m.qualification FROM interaction_metrics m"
                + " JOIN stage_keys k ON k.conversation_id = m.conversation_id"
                + " ORDER BY m.conversation_id, m.position")) {
      while (rs.next()) {
        String name = rs.getString(3);
        String id = rs.getString(2);
        answers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new ScoreSnapshot.Answer(id == null ? name : id, name, rs.getString(4)));
      }
    }
    existing.replaceAll((id, e) -> answers.containsKey(id) ? new Existing(e.hash(), e.version(), e.koreScore(),
        e.passed(), e.firstSeenAt(), answers.get(id)) : e);
    return existing;
  }

  /**
   * The current version of each stored conversation of {@code hashes} (id to content hash), without answers;
   * no query at all when {@link StoredConversations} knows that none of them is stored.
   */
  private Map<String, Existing> lookup(Map<String, String> hashes) throws SQLException {
    if (stored == null || stored.full()) {
      stored = StoredConversations.read(connection, dialect.currentTable());
    }
    List<String> maybe = hashes.keySet().stream().filter(stored::mayHold).toList();
    if (maybe.isEmpty()) {
      return new HashMap<>();
    }
    stageKeys(maybe, hashes, true);
    Map<String, Existing> existing = new HashMap<>();
    String changed = "i.content_hash <> k.content_hash";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT i.conversation_id, i.content_hash, " + changed + ", CASE WHEN " + changed + " THEN i.version END,"
                + " CASE WHEN " + changed + " THEN i.kore_score END, CASE WHEN " + changed + " THEN i.is_passed END,"
                + " CASE WHEN " + changed + " THEN i.first_seen_at END"
                + " FROM stage_keys k JOIN " + dialect.currentTable() + " i ON i.conversation_id = k.conversation_id")) {
      while (rs.next()) {
        // an unchanged one (most of a lookback) is read as its id and hash only
        existing.put(rs.getString(1), !rs.getBoolean(3) ? Existing.unchanged(rs.getString(2))
            : new Existing(rs.getString(2), rs.getInt(4), optionalInt(rs, 5), optionalBoolean(rs, 6),
                instant(rs, 7).orElseThrow(), List.of()));
      }
    }
    return existing;
  }

  private RowWriter rowWriter(String stage, List<Column> columns) throws SQLException {
    List<Column> cols = columns != null ? columns
        : List.of(Column.of("conversation_id", Column.Kind.TEXT), Column.of("content_hash", Column.Kind.TEXT));
    return dialect.rowWriter(connection, stage, true, cols);
  }

  /** Writes {@code changed} into the staging tables ({@code staged}) or straight into the store's tables. */
  private void write(List<Staged> changed, SyncRun run, Instant observedAt, boolean staged) throws SQLException {
    if (changed.isEmpty()) {
      return;
    }
    boolean rawJson = dialect.currentHoldsRawJson();
    try (RowWriter rows = dialect.rowWriter(connection, staged ? stage("interactions") : dialect.currentTable(), staged,
        dialect.currentColumns())) {
      for (Staged s : changed) {
        Interaction x = s.record.interaction();
        Optional<Agent> agent = x.agents().stream().findFirst();
        Optional<Queue> queue = x.queues().stream().findFirst();
        rows.text(x.conversationId().value());
        if (stored != null) {
          stored.add(x.conversationId().value());
        }
        rows.timestamp(x.startTime());
        rows.timestamp(x.endTime());
        rows.optionalText(x.channel());
        rows.integer(x.koreScore().value());
        rows.integer(x.passScore());
        rows.bool(x.passed());
        rows.optionalText(x.durationStatus().map(d -> d.wireText()));
        rows.optionalText(x.evaluationFormName());
        rows.optionalText(agent.flatMap(Agent::id));
        rows.optionalText(agent.flatMap(Agent::name));
        rows.optionalText(queue.flatMap(Queue::id));
        rows.optionalText(queue.flatMap(Queue::name));
        rows.integer(s.version);
        rows.text(s.record.contentHash().hex());
        rows.timestamp(s.firstSeenAt);
        rows.timestamp(observedAt);
        if (rawJson) {
          rows.json(s.record.raw().json());
        }
        rows.endRow();
      }
    }
    try (RowWriter rows = dialect.rowWriter(connection, staged ? stage("interaction_metrics") : "interaction_metrics", staged, Schema.INTERACTION_METRICS)) {
      for (Staged s : changed) {
        int position = 0;
        for (Metric metric : s.record.interaction().metrics()) {
          rows.text(s.record.conversationId().value());
          rows.integer(++position);
          rows.optionalText(metric.id());
          rows.text(metric.name());
          rows.bigint(metric.weight());
          rows.bigint(metric.negativeWeight());
          rows.text(metric.qualification().wireText());
          rows.bool(metric.fatal());
          rows.endRow();
        }
      }
    }
    try (RowWriter rows = dialect.rowWriter(connection, staged ? stage("interaction_versions") : "interaction_versions", staged, Schema.INTERACTION_VERSIONS)) {
      for (Staged s : changed) {
        Interaction x = s.record.interaction();
        rows.text(x.conversationId().value());
        rows.integer(s.version);
        rows.timestamp(observedAt);
        rows.text(s.record.contentHash().hex());
        rows.integer(x.koreScore().value());
        rows.bool(x.passed());
        rows.text(s.change.label());
        rows.text(String.join(JOIN, s.changedAnswers));
        rows.bigint(run.id());
        rows.json(s.record.raw().json());
        rows.endRow();
      }
    }
    try (RowWriter rows = dialect.rowWriter(connection, staged ? stage("verdicts") : "verdicts", staged, Schema.VERDICTS)) {
      for (Staged s : changed) {
        StoredVerdict v = s.record.verdict();
        rows.text(s.record.conversationId().value());
        rows.integer(s.version);
        rows.text(v.verdict());
        rows.decimal(v.computedScore());
        rows.bool(v.computedPassed());
        rows.text(String.join(JOIN, v.reasons()));
        rows.text(v.policy());
        rows.endRow();
      }
    }
  }

  private void merge() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : dialect.upsert(dialect.currentTable(), stage("interactions"), dialect.currentColumns(),
          List.of("conversation_id"))) {
        statement.execute(sql);
      }
      statement.execute("DELETE FROM interaction_metrics WHERE conversation_id IN"
          + " (SELECT conversation_id FROM " + stage("interactions") + ")");
      statement.execute("INSERT INTO interaction_metrics SELECT * FROM " + stage("interaction_metrics"));
      statement.execute("INSERT INTO interaction_versions SELECT * FROM " + stage("interaction_versions"));
      for (String sql : dialect.upsert("verdicts", stage("verdicts"), Schema.VERDICTS, List.of("conversation_id"))) {
        statement.execute(sql);
      }
    }
  }

  private void recordWindow(SyncRun run, WindowLedger ledger, WindowResult result, Instant committedAt)
      throws SQLException {
    String sql = "INSERT INTO sync_runs VALUES (" + "?, ".repeat(Schema.SYNC_RUNS.size() - 1) + "?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int i = 1;
      insert.setLong(i++, run.id());
      insert.setObject(i++, utc(ledger.window().start()));
      insert.setObject(i++, utc(ledger.window().end()));
      insert.setString(i++, run.source());
      insert.setObject(i++, utc(run.startedAt()));
      insert.setObject(i++, utc(committedAt));
      if (ledger.totalReported().isPresent()) {
        insert.setLong(i++, ledger.totalReported().getAsLong());
      } else {
        insert.setNull(i++, java.sql.Types.BIGINT);
      }
      insert.setLong(i++, ledger.received());
      insert.setLong(i++, ledger.duplicatesDropped());
      insert.setInt(i++, ledger.pages());
      insert.setBoolean(i++, ledger.complete());
      insert.setLong(i++, result.count(VersionChange.NEW));
      insert.setLong(i++, result.count(VersionChange.RESCORED));
      insert.setLong(i++, result.count(VersionChange.AUDIT_ADDED));
      insert.setLong(i++, result.count(VersionChange.ANSWERS_CHANGED));
      insert.setLong(i++, result.count(VersionChange.OTHER));
      insert.setLong(i++, result.unchanged());
      insert.setString(i, String.join("; ", ledger.notes()));
      insert.executeUpdate();
    }
  }

  private void advance(Instant end) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT INTO sync_state VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET high_water_mark ="
            + " CASE WHEN EXCLUDED.high_water_mark > sync_state.high_water_mark"
            + " THEN EXCLUDED.high_water_mark ELSE sync_state.high_water_mark END")) {
      upsert.setObject(1, utc(end));
      upsert.executeUpdate();
    }
  }

  @Override
  public Stream<CurrentRecord> current(Optional<Instant> startedSince) {
    requireNonNull(startedSince, "startedSince");
    String sql = "SELECT conversation_id, version, last_changed_at, raw_json FROM interactions"
        + (startedSince.isPresent() ? " WHERE start_time >= ?" : "")
        + dialect.orderBy("start_time, conversation_id");
    try {
      PreparedStatement statement = connection.prepareStatement(sql);
      if (dialect == Dialect.POSTGRESQL) {
        connection.setAutoCommit(false);
        statement.setFetchSize(1000);
      }
      if (startedSince.isPresent()) {
        statement.setObject(1, utc(startedSince.get()));
      }
      ResultSet rs = statement.executeQuery();
      Iterator<CurrentRecord> rows = new Iterator<>() {
        private Boolean ahead;

        @Override
        public boolean hasNext() {
          if (ahead == null) {
            try {
              ahead = rs.next();
            } catch (SQLException e) {
              throw dialect.translate(location, writer, "read", e);
            }
          }
          return ahead;
        }

        @Override
        public CurrentRecord next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          ahead = null;
          try {
            return new CurrentRecord(ConversationId.of(rs.getString(1)), rs.getInt(2), instant(rs, 3).orElseThrow(),
                rs.getString(4));
          } catch (SQLException e) {
            throw dialect.translate(location, writer, "read", e);
          }
        }
      };
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
              false)
          .onClose(() -> {
            closeQuietly(rs);
            closeQuietly(statement);
          });
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "read", e);
    }
  }

  @Override
  public List<StoredVersion> history(ConversationId conversationId) {
    requireNonNull(conversationId, "conversationId");
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT version, observed_at, content_hash, kore_score, is_passed, change, changed_answers, raw_json"
            + " FROM interaction_versions WHERE conversation_id = ? ORDER BY version")) {
      statement.setString(1, conversationId.value());
      List<StoredVersion> versions = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String answers = rs.getString(7);
          versions.add(new StoredVersion(conversationId, rs.getInt(1), instant(rs, 2).orElseThrow(),
              ContentHash.of(rs.getString(3)), optionalInt(rs, 4), optionalBoolean(rs, 5),
              VersionChange.ofLabel(rs.getString(6)),
              answers == null || answers.isEmpty() ? List.of() : List.of(answers.split(" \\| ")),
              rs.getString(8)));
        }
      }
      return List.copyOf(versions);
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "read", e);
    }
  }

  @Override
  public List<WeeklyChanges> changesByWeek(Optional<Instant> observedSince) {
    requireNonNull(observedSince, "observedSince");
    String sql = "SELECT CAST(floor(extract(epoch FROM observed_at) / 86400) AS BIGINT) AS day,"
        + " sum(CASE WHEN change IN ('rescored', 'audit_added') THEN 1 ELSE 0 END),"
        + " sum(CASE WHEN change IN ('answers_changed', 'other') THEN 1 ELSE 0 END)"
        + " FROM interaction_versions WHERE version > 1"
        + (observedSince.isPresent() ? " AND observed_at >= ?" : "")
        + " GROUP BY 1";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (observedSince.isPresent()) {
        statement.setObject(1, utc(observedSince.get()));
      }
      TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          LocalDate week = LocalDate.ofEpochDay(rs.getLong(1))
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          long[] counts = weeks.computeIfAbsent(week, w -> new long[2]);
          counts[0] += rs.getLong(2);
          counts[1] += rs.getLong(3);
        }
      }
      List<WeeklyChanges> result = new ArrayList<>();
      weeks.forEach((week, counts) -> result.add(new WeeklyChanges(week, counts[0], counts[1])));
      return List.copyOf(result);
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "read", e);
    }
  }

  @Override
  public long export(StoreTable table, ExportFormat format, Optional<Instant> changedSince, Path out) {
    requireNonNull(table, "table");
    requireNonNull(format, "format");
    requireNonNull(changedSince, "changedSince");
    requireNonNull(out, "out");
    try {
      return new TableExport(connection, dialect, schemaVersion).export(table, format, changedSince, out);
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "export from", e);
    }
  }

  @Override
  public void close() {
    try {
      if (writer && !connection.getAutoCommit()) {
        connection.rollback();
      }
      connection.close();
    } catch (SQLException e) {
      throw dialect.translate(location, writer, "close", e);
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is what the user needs; a failed rollback leaves the last commit in place
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof OffsetDateTime odt) {
      return Optional.of(odt.toInstant());
    }
    if (value instanceof Timestamp ts) {
      return Optional.of(ts.toInstant());
    }
    if (value instanceof LocalDateTime ldt) {
      return Optional.of(ldt.toInstant(ZoneOffset.UTC));
    }
    if (value instanceof java.time.ZonedDateTime zdt) {
      return Optional.of(zdt.toInstant());
    }
    throw new IllegalStateException("column " + column + " is not a timestamp: " + value.getClass().getSimpleName());
  }

  private static OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static Optional<Boolean> optionalBoolean(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  static OptionalLong optionalLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing after a failure: the failure is what matters
    }
  }
}
