package dev.korescore.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One real Spark in {@code local[2]} for every test class of the module (a session costs seconds to
 * start): created on first use, stopped by Spark's own shutdown hook when the test JVM ends.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("korescore-spark-test")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          // several partitions per file, so that aggregates are merged across partitions and tasks
          .config("spark.sql.files.maxPartitionBytes", "262144")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
