/// `keel_row_limits`: one row per table with a tier row limit, written in the same transaction as every insert
/// checked against that limit in Galera mode. Galera nodes do not share locks, but two transactions that write the
/// same row conflict at certification, so of two creates on different nodes one is rolled back and runs again,
/// seeing the other's row. `checks` counts those inserts; only the write matters.
enum RowLimitTables {
    /// Sorts after the auth tables' migration and before the generated `0001_…` files.
    static let migrationName = "0000_keel_runtime_row_limits.sql"

    static func sql(for dialect: DatabaseDialect) -> String {
        switch dialect {
        case .postgres:
            """
            CREATE TABLE "keel_row_limits" (
                "table_name" VARCHAR(200) PRIMARY KEY,
                "checks" BIGINT NOT NULL
            );

            """
        case .mysql:
            """
            CREATE TABLE `keel_row_limits` (
                `table_name` VARCHAR(200) NOT NULL,
                `checks` BIGINT NOT NULL,
                PRIMARY KEY (`table_name`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

            """
        case .sqlite:
            """
            CREATE TABLE "keel_row_limits" (
                "table_name" TEXT PRIMARY KEY,
                "checks" INTEGER NOT NULL
            ) STRICT;

            """
        }
    }
}
