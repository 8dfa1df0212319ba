/// `keel_rate_limits`: the shared request counts of the rate limits (`RateLimiter`), one row per bucket (scope,
/// window length and caller) and window, times in Unix milliseconds. Rows of ended windows are deleted.
enum RateLimitTables {
    /// Sorts after the auth tables' migration and before the generated `0001_…` files.
    static let migrationName = "0000_keel_runtime_rate_limits.sql"

    static func sql(for dialect: DatabaseDialect) -> String {
        switch dialect {
        case .postgres:
            """
            CREATE TABLE "keel_rate_limits" (
                "bucket" VARCHAR(255) NOT NULL,
                "window_start" BIGINT NOT NULL,
                "hits" BIGINT NOT NULL,
                "expires_at" BIGINT NOT NULL,
                PRIMARY KEY ("bucket", "window_start")
            );
            CREATE INDEX "keel_rate_limits_expires_at_idx" ON "keel_rate_limits" ("expires_at");

            """
        case .mysql:
            """
            CREATE TABLE `keel_rate_limits` (
                `bucket` VARCHAR(255) NOT NULL,
                `window_start` BIGINT NOT NULL,
                `hits` BIGINT NOT NULL,
                `expires_at` BIGINT NOT NULL,
                PRIMARY KEY (`bucket`, `window_start`),
                KEY `keel_rate_limits_expires_at_idx` (`expires_at`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

            """
        case .sqlite:
            """
            CREATE TABLE "keel_rate_limits" (
                "bucket" TEXT NOT NULL,
                "window_start" INTEGER NOT NULL,
                "hits" INTEGER NOT NULL,
                "expires_at" INTEGER NOT NULL,
                PRIMARY KEY ("bucket", "window_start")
            ) STRICT;
            CREATE INDEX "keel_rate_limits_expires_at_idx" ON "keel_rate_limits" ("expires_at");

            """
        }
    }
}
