package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The Raw Data endpoint's path and headers, as published in each era of Kore's documentation: the one
 * description from which every request is built ({@link #path}, {@link #headers}).
 */
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

  /** The path of this endpoint for an account and stream, e.g. {@code /qualityai/api/v1/.../app/st-1/rawdata}. */
  public String path(String accountId, String streamId) {
    requireNonNull(accountId, "accountId");
    if (needsStreamId()) {
      requireNonNull(streamId, "streamId");
    }
    return pathTemplate.replace("{accountId}", accountId).replace("{streamId}", streamId == null ? "" : streamId);
  }

  /**
   * The headers this endpoint needs besides {@code auth}, in order: {@code accountId}, then {@code iid}
   * or {@code orgId} where the preset asks for them.
   */
  java.util.Map<String, String> headers(String accountId, String orgId, String iid) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("accountId", requireNonNull(accountId, "accountId"));
    if (needsIid()) {
      headers.put("iid", requireNonNull(iid, "iid"));
    }
    if (needsOrgId()) {
      headers.put("orgId", requireNonNull(orgId, "orgId"));
    }
    return headers;
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
