package dev.korescore.testkit.wire;

/**
 * The key spelling of one Kore Raw Data API version. Only the keys that Kore's versions are known to
 * spell differently change between styles; every other key keeps the 2024 page's spelling.
 *
 * <table>
 *   <caption>Keys by style</caption>
 *   <tr><th>field</th><th>{@link #SPACED_2024}</th><th>{@link #CAMEL}</th><th>{@link #CAMEL_MISSPELT}</th></tr>
 *   <tr><td>id</td><td>{@code "Conversation ID"}</td><td>{@code conversationId}</td><td>{@code conversationId}</td></tr>
 *   <tr><td>score</td><td>{@code "Kore Evaluation Score"}</td><td>{@code koreEvaluationScore}</td><td>{@code koreEvalutionScore} (sic)</td></tr>
 *   <tr><td>passed</td><td>{@code "IsPassed"}</td><td>{@code isPassed}</td><td>{@code isPassed}</td></tr>
 *   <tr><td>fatal count</td><td>{@code "Fatal Errors"}</td><td>{@code fatalErrorCount}</td><td>{@code fatalErrorCount}</td></tr>
 *   <tr><td>agent id</td><td>{@code agentId}</td><td>{@code "Agent ID"}</td><td>{@code agentId}</td></tr>
 *   <tr><td>not evaluated</td><td>{@code null}</td><td>{@code "NA"}</td><td>{@code "NA"}</td></tr>
 * </table>
 *
 * <p>{@code duration_status}, {@code "Pass Score"}, {@code Metrics[]} keys and the rest are the same in
 * every style.
 */
public enum KeyStyle {
  /** The 2024 page's keys, with spaces: {@code "Conversation ID"}, {@code "Kore Evaluation Score"}. */
  SPACED_2024("Conversation ID", "Kore Evaluation Score", "IsPassed", "Fatal Errors", "agentId", false),
  /** Later versions' camelCase keys: {@code conversationId}, {@code koreEvaluationScore}. */
  CAMEL("conversationId", "koreEvaluationScore", "isPassed", "fatalErrorCount", "Agent ID", true),
  /** Like {@link #CAMEL}, with the misspelt score key some versions send: {@code koreEvalutionScore}. */
  CAMEL_MISSPELT("conversationId", "koreEvalutionScore", "isPassed", "fatalErrorCount", "agentId", true);

  private final String conversationIdKey;
  private final String scoreKey;
  private final String passedKey;
  private final String fatalErrorsKey;
  private final String agentIdKey;
  private final boolean notEvaluatedAsText;

  KeyStyle(
      String conversationIdKey,
      String scoreKey,
      String passedKey,
      String fatalErrorsKey,
      String agentIdKey,
      boolean notEvaluatedAsText) {
    this.conversationIdKey = conversationIdKey;
    this.scoreKey = scoreKey;
    this.passedKey = passedKey;
    this.fatalErrorsKey = fatalErrorsKey;
    this.agentIdKey = agentIdKey;
    this.notEvaluatedAsText = notEvaluatedAsText;
  }

  /** The key of the conversation id in this style. */
  public String conversationIdKey() {
    return conversationIdKey;
  }

  /** The key of Kore's evaluation score in this style. */
  public String scoreKey() {
    return scoreKey;
  }

  /** The key of Kore's pass flag in this style. */
  public String passedKey() {
    return passedKey;
  }

  /** The key of the fatal error count in this style. */
  public String fatalErrorsKey() {
    return fatalErrorsKey;
  }

  /** The key of an agent's id in this style. */
  public String agentIdKey() {
    return agentIdKey;
  }

  /** Whether a score that was not evaluated is written as {@code "NA"} (else as {@code null}). */
  public boolean notEvaluatedAsText() {
    return notEvaluatedAsText;
  }
}
