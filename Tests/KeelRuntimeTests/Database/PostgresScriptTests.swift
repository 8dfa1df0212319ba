@testable import KeelRuntime
import Testing

/// postgres-nio sends one statement at a time, so migration files are split; quoted semicolons must not split.
struct PostgresScriptTests {
    @Test func splitsAtTopLevelSemicolonsOnly() {
        let script = """
        -- a comment; not a statement
        CREATE TABLE "a;b" (x TEXT DEFAULT 'it''s; fine');
        /* block; comment */
        COMMENT ON TABLE "a;b" IS E'escaped \\' quote; still text';
        DO $body$ BEGIN PERFORM 1; END $body$;
        SELECT $1::int;

        """
        #expect(PostgresScript.statements(in: script) == [
            "-- a comment; not a statement\nCREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; fine')",
            "/* block; comment */\nCOMMENT ON TABLE \"a;b\" IS E'escaped \\' quote; still text'",
            "DO $body$ BEGIN PERFORM 1; END $body$",
            "SELECT $1::int",
        ])
    }

    @Test func dropsEmptyAndCommentOnlyStatements() {
        #expect(PostgresScript.statements(in: ";;\n-- only a comment\n").isEmpty)
        #expect(PostgresScript.statements(in: "SELECT 1") == ["SELECT 1"])
    }
}
