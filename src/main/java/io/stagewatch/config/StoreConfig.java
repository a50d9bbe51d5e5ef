package io.stagewatch.config;

/** {@code store:}: where runs are recorded and for how long. */
public record StoreConfig(String url, int retentionDays) {
  public static final String DEFAULT_URL = "jdbc:sqlite:.stagewatch/stagewatch.db";
  public static final int DEFAULT_RETENTION_DAYS = 14;
  public static final StoreConfig DEFAULT = new StoreConfig(DEFAULT_URL, DEFAULT_RETENTION_DAYS);

  static StoreConfig read(MapReader r) {
    String url = r.string("url");
    Integer days = r.integer("retentionDays", 1, 36_500);
    r.finish();
    if (url != null && !url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      r.problem("url", "expected jdbc:sqlite:FILE or jdbc:postgresql://host:port/db");
    }
    if (url != null) {
      r.interpolator().secrets().addUrl(r.nameOf("url"), url);
    }
    return new StoreConfig(
        url != null ? url : DEFAULT_URL, days != null ? days : DEFAULT_RETENTION_DAYS);
  }
}
