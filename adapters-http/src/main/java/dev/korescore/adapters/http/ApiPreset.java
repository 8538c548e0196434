package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** The Raw Data endpoint's path and headers, as published in each era of Kore's documentation. */
public enum ApiPreset {
  /** 2024 table: {@code /api/public/QualityManagement/account/{accountId}/v1/RawData}; headers auth, accountId. */
  LEGACY("/api/public/QualityManagement/account/{accountId}/v1/RawData"),
  /** 2024 curl: {@code /api/v1/public/qualitymanagement/app/{streamId}/rawdata}; headers auth, accountId, iid. */
  APP("/api/v1/public/qualitymanagement/app/{streamId}/rawdata"),
  /** Current (default): {@code /qualityai/api/v1/public/...}; headers auth, accountId, orgId. */
  QUALITYAI("/qualityai/api/v1/public/qualitymanagement/app/{streamId}/rawdata"),
  /** Seen in 2024 curl: {@code /agentassist/api/v1/public/...}; headers auth, accountId, orgId. */
  AGENTASSIST("/agentassist/api/v1/public/qualitymanagement/app/{streamId}/rawdata");

  private final String pathTemplate;

  ApiPreset(String pathTemplate) {
    this.pathTemplate = pathTemplate;
  }

  /** The path with its placeholder, e.g. {@code /qualityai/api/v1/public/qualitymanagement/app/{streamId}/rawdata}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The command-line name: {@code legacy}, {@code app}, {@code qualityai}, {@code agentassist}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #cliName()} (case-insensitive). */
  public static ApiPreset parse(String name) {
    requireNonNull(name, "name");
    for (ApiPreset preset : values()) {
      if (preset.cliName().equalsIgnoreCase(name.strip())) {
        return preset;
      }
    }
    throw new IllegalArgumentException(
        "api must be one of legacy, app, qualityai, agentassist, was '" + name + "'");
  }

  boolean needsStreamId() {
    return this != LEGACY;
  }

  boolean needsOrgId() {
    return this == QUALITYAI || this == AGENTASSIST;
  }

  boolean needsIid() {
    return this == APP;
  }
}
