package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

/** The Raw Data paths of Kore's API eras; the simulator serves all of them. */
public enum PathPreset {
  /** 2024 table: {@code /api/public/QualityManagement/account/{accountId}/v1/RawData}. */
  LEGACY,
  /** 2024 curl: {@code /api/v1/public/qualitymanagement/app/{streamId}/rawdata}. */
  APP,
  /** 2025-2026, current: {@code /qualityai/api/v1/public/qualitymanagement/app/{streamId}/rawdata}. */
  QUALITYAI,
  /** Seen in 2024 curl: {@code /agentassist/api/v1/public/qualitymanagement/app/{streamId}/rawdata}. */
  AGENTASSIST;

  /** The path for these ids. */
  public String path(String accountId, String streamId) {
    requireNonNull(accountId, "accountId");
    requireNonNull(streamId, "streamId");
    switch (this) {
      case LEGACY:
        return "/api/public/QualityManagement/account/" + accountId + "/v1/RawData";
      case APP:
        return "/api/v1/public/qualitymanagement/app/" + streamId + "/rawdata";
      case QUALITYAI:
        return "/qualityai/api/v1/public/qualitymanagement/app/" + streamId + "/rawdata";
      case AGENTASSIST:
        return "/agentassist/api/v1/public/qualitymanagement/app/" + streamId + "/rawdata";
      default:
        throw new IllegalStateException("unknown preset " + this);
    }
  }
}
