package dev.korescore.adapters.jdbc.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A deliberately bad "adapters-jdbc" class, test-only: it parses JSON instead of asking the JSON adapter. */
public final class StoreParsesJson {
  private StoreParsesJson() {}

  public static Object parse(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
