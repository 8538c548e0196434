package dev.korescore.scoring.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A deliberately bad "scoring" class, test-only: it parses JSON itself. See {@code ArchitectureRulesCanFailTest}. */
public final class ScoringParsesJson {
  private ScoringParsesJson() {}

  public static Object parse(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
