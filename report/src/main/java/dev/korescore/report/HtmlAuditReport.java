package dev.korescore.report;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.korescore.report.AuditReportModel.Contribution;
import dev.korescore.report.AuditReportModel.GroupRow;
import dev.korescore.report.AuditReportModel.Headline;
import dev.korescore.report.AuditReportModel.KindCount;
import dev.korescore.report.AuditReportModel.PolicyShare;
import dev.korescore.report.AuditReportModel.ProblemRow;
import dev.korescore.core.store.WeeklyChanges;
import dev.korescore.scoring.AuditSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Writes the visual audit report: one self-contained HTML file with inline CSS, JavaScript and SVG,
 * that loads nothing from the network (its Content-Security-Policy forbids it). Every string from the
 * data is HTML-escaped by the template engine, and escaped again for JSON inside the page's data island.
 *
 * <pre>{@code
 * // for every interaction:  aggregator.accept(interaction, verdict);
 * HtmlAuditReport.write(aggregator.summary(), ReportHeader.of(files, clock.instant()), Path.of("report.html"));
 * }</pre>
 *
 * <p>Everything on the page comes from the scoring module's {@link AuditSummary}; the problem table
 * lists the problems the summary kept (its aggregator's one limit).
 */
public final class HtmlAuditReport {
  private static final String BASE = "/dev/korescore/report/";
  /** Rows of the agent and queue tables under the charts. */
  static final int MAX_GROUP_TABLE_ROWS = 100;

  private static final Template PAGE = compile();

  private HtmlAuditReport() {}

  /** Writes the report of an audit: {@code summary} from the scoring module's {@code AuditAggregator}. */
  public static void write(AuditSummary summary, ReportHeader header, Path file) throws IOException {
    write(model(summary, header), file);
  }

  /** The page's model for an audit, to inspect or adjust before {@link #write(AuditReportModel, Path)}. */
  public static AuditReportModel model(AuditSummary summary, ReportHeader header) {
    return ReportModels.from(summary, header);
  }

  /**
   * The weekly trends of an audit over a store: {@code summary}'s weeks (by conversation start) joined
   * with the store's changes (by the week they were observed), oldest week first.
   */
  public static List<AuditReportModel.WeekRow> weeks(AuditSummary summary, List<WeeklyChanges> changes) {
    return ReportModels.weeks(summary, changes);
  }

  /** Renders {@code model} and writes it to {@code file} (UTF-8), replacing it; the file appears whole. */
  public static void write(AuditReportModel model, Path file) throws IOException {
    requireNonNull(file, "file");
    writeWhole(render(model), file);
  }

  /** Writes {@code html} to {@code file} (UTF-8), replacing it; the file appears whole. */
  static void writeWhole(String html, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    // A sibling written first and moved over the target: a reader never sees half a page. Created like
    // any file (the umask applies), unlike Files.createTempFile's owner-only permissions.
    Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
    try {
      Files.writeString(partial, html, StandardCharsets.UTF_8);
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The report's HTML. */
  public static String render(AuditReportModel model) {
    requireNonNull(model, "model");
    return PAGE.execute(view(model));
  }

  // ---------------------------------------------------------------- the view

  static Map<String, Object> view(AuditReportModel model) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", model.title());
    v.put("sources", model.sources());
    v.put("hasSources", !model.sources().isEmpty());
    v.put("generatedAt", model.generatedAt()
        .map(t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(0)) + "Z")
        .orElse(""));
    Headline h = model.headline();
    v.put("cards", cards(h));
    v.put("policyUsed", h.policyUsed());
    v.put("inferredPolicy", h.inferredPolicy().orElse(""));
    List<Map<String, Object>> shares = new ArrayList<>();
    for (PolicyShare s : h.policyShares()) {
      shares.add(Map.of("policy", s.policy(), "description", s.description(),
          "explained", Format.count(s.explained()), "share", Format.percent(s.share())));
    }
    v.put("policyShares", shares);
    v.put("hasPolicyShares", !shares.isEmpty());

    v.put("scatter", Charts.scatter(model.scoreCells()).view());
    v.put("scatterNote", model.scoreCellsNote());
    v.put("distributionChart", Charts.distribution(model.scoreBuckets()).view());
    v.put("agentChart", Charts.groups("chart-agents", "Pass and mismatch rates by agent", model.agents()).view());
    v.put("agentsDrawn", Format.count(Math.min(Charts.MAX_GROUP_BARS, model.agents().size())));
    v.put("agentsTotal", Format.count(model.agents().size()));
    v.put("queueChart", Charts.groups("chart-queues", "Pass and mismatch rates by queue", model.queues()).view());
    v.put("queuesDrawn", Format.count(Math.min(Charts.MAX_GROUP_BARS, model.queues().size())));
    v.put("queuesTotal", Format.count(model.queues().size()));
    v.put("metricChart", Charts.metrics(model.metrics()).view());
    v.put("metricsDrawn", Format.count(Math.min(Charts.MAX_METRIC_BARS, model.metrics().size())));
    v.put("metricsTotal", Format.count(model.metrics().size()));
    v.put("dailyChart", Charts.daily(model.days()).view());
    List<Map<String, Object>> weeks = new ArrayList<>();
    for (AuditReportModel.WeekRow w : model.weeks()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("week", w.weekStart().toString());
      row.put("interactions", Format.count(w.interactions()));
      row.put("korePassRate", Format.percent(w.korePassRate()));
      row.put("recomputedPassRate", Format.percent(w.recomputedPassRate()));
      row.put("mismatches", Format.count(w.mismatches()));
      row.put("rescored", Format.count(w.rescored()));
      row.put("otherChanges", Format.count(w.otherChanges()));
      weeks.add(row);
    }
    v.put("weeks", weeks);
    v.put("hasWeeks", !weeks.isEmpty());

    List<Map<String, Object>> problems = new ArrayList<>();
    List<Object> problemData = new ArrayList<>();
    TreeSet<String> verdicts = new TreeSet<>();
    for (int i = 0; i < model.problems().size(); i++) {
      ProblemRow p = model.problems().get(i);
      problems.add(problemRow(i, p));
      problemData.add(problemJson(p));
      verdicts.add(p.verdict());
    }
    v.put("problems", problems);
    v.put("verdicts", new ArrayList<>(verdicts));
    v.put("problemsShown", Format.count(problems.size()));
    v.put("problemsNote", model.problemsTotal() > problems.size()
        ? "The first " + Format.count(problems.size()) + " of " + Format.count(model.problemsTotal())
            + " problem interactions."
        : Format.count(problems.size()) + " problem interaction" + (problems.size() == 1 ? "." : "s."));
    v.put("problemJson", JsonIsland.write(Map.of("problems", problemData)));

    v.put("groupTables", List.of(
        groupTable("agent-table", "Agents", "Agent", model.agents()),
        groupTable("queue-table", "Queues", "Queue", model.queues())));
    v.put("css", resource("report.css"));
    v.put("js", resource("report.js"));
    return v;
  }

  private static List<Map<String, Object>> cards(Headline h) {
    List<Map<String, Object>> cards = new ArrayList<>();
    cards.add(card("interactions", "Interactions", Format.count(h.interactions()), "", ""));
    cards.add(card("auditable", "Auditable", Format.count(h.auditable()),
        h.interactions() == 0 ? "" : Format.percent((double) h.auditable() / h.interactions()) + " of all", ""));
    cards.add(card("matches", "Match", Format.count(h.matches()),
        h.auditable() == 0 ? "" : Format.percent((double) h.matches() / h.auditable()) + " of auditable", "good"));
    for (KindCount k : h.problemsByKind()) {
      boolean mismatch = k.kind().contains("MISMATCH") || k.kind().equals("INVALID");
      cards.add(card("kind-" + k.kind(), humanKind(k.kind()), Format.count(k.count()), "",
          mismatch && k.count() > 0 ? "problem" : ""));
    }
    cards.add(card("reported-pass-rate", "Kore pass rate", Format.percent(h.reportedPassRate()),
        "as Kore reported it", ""));
    cards.add(card("recomputed-pass-rate", "Recomputed pass rate", Format.percent(h.recomputedPassRate()),
        "under the policy used", ""));
    h.repeatedIds().ifPresent(text ->
        cards.add(card("repeated-ids", "Repeated ids", text, "each occurrence audited", "")));
    return cards;
  }

  private static Map<String, Object> card(String key, String label, String value, String note, String cls) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("label", label);
    m.put("value", value);
    m.put("note", note);
    m.put("cls", cls);
    return m;
  }

  /** {@code SCORE_MISMATCH} as {@code "Score mismatch"}. */
  static String humanKind(String kind) {
    String words = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static Map<String, Object> problemRow(int index, ProblemRow p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", Integer.toString(index));
    m.put("id", p.conversationId());
    m.put("verdict", p.verdict());
    m.put("verdictClass", p.verdict().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    m.put("agent", p.agent());
    m.put("queue", p.queue());
    m.put("day", p.day().map(Object::toString).orElse(""));
    m.put("kore", intOrDash(p.koreScore()));
    m.put("koreSort", p.koreScore().isPresent() ? Integer.toString(p.koreScore().getAsInt()) : "");
    m.put("recomputed", p.recomputedScore().map(Format::score).orElse("\u2014"));
    m.put("recomputedSort", p.recomputedScore().map(d -> d.toPlainString()).orElse(""));
    m.put("pass", intOrDash(p.passScore()));
    m.put("passSort", p.passScore().isPresent() ? Integer.toString(p.passScore().getAsInt()) : "");
    m.put("korePassed", yesNo(p.korePassed()));
    m.put("recomputedPassed", yesNo(p.recomputedPassed()));
    m.put("reasons", String.join("; ", p.reasons()));
    m.put("explainedBy", p.explainedBy().orElse(""));
    return m;
  }

  private static Map<String, Object> problemJson(ProblemRow p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.conversationId());
    m.put("verdict", p.verdict());
    m.put("agent", p.agent());
    m.put("queue", p.queue());
    m.put("kore", p.koreScore().isPresent() ? Optional.of(p.koreScore().getAsInt()) : Optional.empty());
    m.put("recomputed", p.recomputedScore().map(Format::score));
    m.put("reasons", p.reasons());
    m.put("explainedBy", p.explainedBy());
    m.put("numerator", p.numerator());
    m.put("denominator", p.denominator());
    List<Object> contributions = new ArrayList<>();
    for (Contribution c : p.contributions()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("metric", c.metric());
      cm.put("qualification", c.qualification());
      cm.put("weight", c.weight());
      cm.put("negativeWeight", c.negativeWeight());
      cm.put("fatal", c.fatal());
      cm.put("effect", c.effect());
      contributions.add(cm);
    }
    m.put("contributions", contributions);
    return m;
  }

  private static Map<String, Object> groupTable(String id, String caption, String keyHeading, List<GroupRow> rows) {
    List<GroupRow> shown = Charts.worstGroups(rows, MAX_GROUP_TABLE_ROWS);
    List<Map<String, Object>> out = new ArrayList<>();
    for (GroupRow g : shown) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", g.key());
      m.put("interactions", Format.count(g.interactions()));
      m.put("auditable", Format.count(g.auditable()));
      m.put("mismatches", Format.count(g.mismatches()));
      m.put("mismatchRate", Format.percent(g.mismatchRate()));
      m.put("reportedPassRate", Format.percent(g.reportedPassRate()));
      m.put("recomputedPassRate", Format.percent(g.recomputedPassRate()));
      out.add(m);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("caption", caption + " by mismatch rate");
    t.put("keyHeading", keyHeading);
    t.put("rows", out);
    t.put("more", rows.size() > shown.size()
        ? "The " + Format.count(shown.size()) + " with the highest mismatch rate of " + Format.count(rows.size()) + "."
        : "");
    return t;
  }

  private static String intOrDash(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "\u2014";
  }

  private static String yesNo(Optional<Boolean> value) {
    return value.map(b -> b ? "yes" : "no").orElse("\u2014");
  }

  // ---------------------------------------------------------------- templates

  private static Template compile() {
    Mustache.Compiler compiler = Mustache.compiler()
        .escapeHTML(true)
        .emptyStringIsFalse(true)
        .withLoader(name -> new StringReader(resource(name + ".mustache")));
    return compiler.compile(resource("report.mustache"));
  }

  static String resource(String name) {
    try (InputStream in = HtmlAuditReport.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("report resource missing from the jar: " + BASE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report resource " + BASE + name, e);
    }
  }
}
