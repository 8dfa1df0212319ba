import Foundation
import KeelSpec
import KeelSpecDiff
import Testing

/// One edit of the base spec and the change `keel diff` must report for it.
struct ChangeKindCase: Sendable, CustomTestStringConvertible {
    var code: String
    var changeClass: ChangeClass
    /// Text replacements applied to the base spec, in order; each must match.
    var edits: [(String, String)]
    /// The place `--allow` names, when the case checks it.
    var subject: String?

    init(_ code: String, _ changeClass: ChangeClass, _ edits: [(String, String)], subject: String? = nil) {
        self.code = code
        self.changeClass = changeClass
        self.edits = edits
        self.subject = subject
    }

    var testDescription: String { "\(code) \(edits.map { "\($0.0.prefix(30))→\($0.1.prefix(30))" })" }
}

/// A change kind per row: the differ reports its code with its class for the edit.
struct ChangeKindTests {
    static let base = """
    keel: 1
    service: { name: shop, version: 1.0.0, base_path: /api/v1, cors_origins: [http://a.test] }
    tiers:
      free: { limits: { items: 10 } }
      pro: {}
      enterprise: {}
    features:
      reports: pro
    roles: [admin, editor, viewer, auditor]
    tables:
      items:
        columns:
          id: id
          title: { type: string, max_length: 80 }
          notes: { type: text, nullable: true }
          price: { type: int, min: 0 }
          status: { type: enum, values: [draft, live], default: draft }
          owner_id: { type: ref, table: owners, on_delete: restrict, nullable: true }
        indexes:
          - [status]
      owners:
        columns:
          id: id
          name: string
      logs:
        columns:
          id: id
          message: text
    types:
      Summary:
        total: int
        kind: { type: enum, values: [a, b] }
        note: { type: string, required: false }
      Filter:
        word: string
        mode: { type: enum, values: [exact, fuzzy] }
        limit: { type: int, required: false }
    endpoints:
      - resource: items
        roles: { read: [viewer, editor, admin], write: [editor, admin] }
        list: { filter: [status], sort: [title] }
      - resource: owners
        auth: none
        operations: [list, get]
      - name: summary
        method: POST
        path: /summary/{year}
        params: { year: int }
        query: { from: { type: date, required: false } }
        body: Filter
        response: Summary

    """

    static let summaryEndpoint = """
      - name: summary
        method: POST
        path: /summary/{year}
        params: { year: int }
        query: { from: { type: date, required: false } }
        body: Filter
        response: Summary

    """

    static let cases: [ChangeKindCase] = [
        // API breaking
        .init("API_ENDPOINT_REMOVED", .apiBreaking, [(summaryEndpoint, "")], subject: "endpoints.summary"),
        .init("API_ENDPOINT_REMOVED", .apiBreaking, [("  - resource: owners\n    auth: none\n    operations: [list, get]\n", "")], subject: "endpoints.owners"),
        .init("API_ENDPOINT_MOVED", .apiBreaking, [("path: /summary/{year}", "path: /summaries/{year}")], subject: "endpoints.summary"),
        .init("API_ENDPOINT_MOVED", .apiBreaking, [("base_path: /api/v1", "base_path: /api/v2")], subject: "service.base_path"),
        .init("API_METHOD_CHANGED", .apiBreaking, [("method: POST", "method: PUT")]),
        .init("API_OPERATION_REMOVED", .apiBreaking, [("operations: [list, get]", "operations: [list]")], subject: "endpoints.owners.get"),
        .init("API_FIELD_REMOVED", .apiBreaking, [("      notes: { type: text, nullable: true }\n", "")], subject: "tables.items.columns.notes"),
        .init("API_FIELD_REMOVED", .apiBreaking, [("    note: { type: string, required: false }\n", "")], subject: "types.Summary.note"),
        .init("API_FIELD_RENAMED", .apiBreaking, [("title: { type: string, max_length: 80 }", "name: { type: string, max_length: 80, renamed_from: title }"), ("sort: [title]", "sort: [name]")], subject: "tables.items.columns.name"),
        .init("API_FIELD_RETYPED", .apiBreaking, [("price: { type: int, min: 0 }", "price: { type: float, min: 0 }")]),
        .init("API_FIELD_RETYPED", .apiBreaking, [("    total: int\n", "    total: string\n")], subject: "types.Summary.total"),
        .init("API_FIELD_NULLABLE", .apiBreaking, [("price: { type: int, min: 0 }", "price: { type: int, min: 0, nullable: true }")]),
        .init("API_FIELD_NULLABLE", .apiBreaking, [("    total: int\n", "    total: { type: int, required: false }\n")]),
        .init("API_REQUIRED_FIELD_ADDED", .apiBreaking, [("      price:", "      sku: string\n      price:")], subject: "tables.items.columns.sku"),
        .init("API_REQUIRED_FIELD_ADDED", .apiBreaking, [("    word: string\n", "    word: string\n    lang: string\n")], subject: "types.Filter.lang"),
        .init("API_FIELD_REQUIRED", .apiBreaking, [("notes: { type: text, nullable: true }", "notes: { type: text, default: '' }"), ("notes: { type: text, default: '' }", "notes: text")]),
        .init("API_FIELD_REQUIRED", .apiBreaking, [("limit: { type: int, required: false }", "limit: int")], subject: "types.Filter.limit"),
        .init("API_CONSTRAINT_TIGHTENED", .apiBreaking, [("max_length: 80", "max_length: 40")], subject: "tables.items.columns.title"),
        .init("API_CONSTRAINT_TIGHTENED", .apiBreaking, [("max_length: 80 }", "max_length: 80, pattern: '^[a-z]+$' }")]),
        .init("API_CONSTRAINT_TIGHTENED", .apiBreaking, [("min: 0 }", "min: 1 }")]),
        .init("API_CONSTRAINT_TIGHTENED", .apiBreaking, [("limit: { type: int, required: false }", "limit: { type: int, required: false, max: 100 }")], subject: "types.Filter.limit"),
        .init("API_CONSTRAINT_TIGHTENED", .apiBreaking, [("params: { year: int }", "params: { year: { type: int, min: 2000 } }")], subject: "endpoints.summary.params.year"),
        .init("API_CONSTRAINT_TIGHTENED", .apiBreaking, [("list: { filter: [status], sort: [title] }", "list: { filter: [status], sort: [title], max_page_size: 100 }")], subject: "endpoints.items.list"),
        .init("API_ENUM_VALUE_REMOVED", .apiBreaking, [("values: [exact, fuzzy]", "values: [exact]")], subject: "types.Filter.mode"),
        .init("API_ENUM_VALUE_REMOVED", .apiBreaking, [("values: [draft, live]", "values: [draft]")], subject: "tables.items.columns.status"),
        .init("API_ENUM_VALUE_ADDED", .apiBreaking, [("values: [draft, live]", "values: [draft, live, gone]")], subject: "tables.items.columns.status"),
        .init("API_ENUM_VALUE_ADDED", .apiBreaking, [("values: [a, b]", "values: [a, b, c]")], subject: "types.Summary.kind"),
        .init("API_UNIQUE_ADDED", .apiBreaking, [("max_length: 80 }", "max_length: 80, unique: true }")]),
        .init("API_DEFAULT_CHANGED", .apiBreaking, [("default: draft", "default: live")]),
        .init("API_DEFAULT_CHANGED", .apiBreaking, [("sort: [title] }", "sort: [title], page_size: 20 }")], subject: "endpoints.items.list"),
        .init("API_ON_DELETE_CHANGED", .apiBreaking, [("on_delete: restrict", "on_delete: cascade")]),
        .init("API_PARAM_REMOVED", .apiBreaking, [("    query: { from: { type: date, required: false } }\n", "")], subject: "endpoints.summary.query.from"),
        .init("API_PARAM_RETYPED", .apiBreaking, [("params: { year: int }", "params: { year: string }")], subject: "endpoints.summary.params.year"),
        .init("API_REQUIRED_PARAM_ADDED", .apiBreaking, [("query: { from: { type: date, required: false } }", "query: { from: { type: date, required: false }, to: date }")], subject: "endpoints.summary.query.to"),
        .init("API_PARAM_REQUIRED", .apiBreaking, [("query: { from: { type: date, required: false } }", "query: { from: date }")]),
        .init("API_BODY_CHANGED", .apiBreaking, [("body: Filter", "body: Summary")], subject: "endpoints.summary.body"),
        .init("API_RESPONSE_CHANGED", .apiBreaking, [("response: Summary", "response: [Summary]")], subject: "endpoints.summary.response"),
        .init("API_FILTER_REMOVED", .apiBreaking, [("filter: [status]", "filter: []")]),
        .init("API_SORT_REMOVED", .apiBreaking, [("sort: [title]", "sort: []")]),
        .init("API_AUTH_TIGHTENED", .apiBreaking, [("    auth: none\n", "")], subject: "endpoints.owners"),
        .init("API_AUTH_CHANGED", .apiBreaking, [("roles: [admin, editor, viewer, auditor]", "roles: [admin, editor, viewer, auditor]\nsuperuser: editor")], subject: "superuser"),
        .init("API_ROLE_REQUIRED", .apiBreaking, [("    method: POST\n", "    method: POST\n    roles: [admin]\n")], subject: "endpoints.summary"),
        .init("API_ROLE_REVOKED", .apiBreaking, [("read: [viewer, editor, admin]", "read: [editor, admin]")], subject: "endpoints.items"),
        .init("API_ROLE_REVOKED", .apiBreaking, [("write: [editor, admin]", "write: [admin]")], subject: "endpoints.items.write"),
        .init("API_ROLE_REMOVED", .apiBreaking, [("roles: [admin, editor, viewer, auditor]", "roles: [admin, editor, viewer]")], subject: "roles.auditor"),
        .init("API_FEATURE_REQUIRED", .apiBreaking, [("    method: POST\n", "    method: POST\n    feature: reports\n")], subject: "endpoints.summary"),
        .init("API_FEATURE_TIER_RAISED", .apiBreaking, [("reports: pro", "reports: enterprise")], subject: "features.reports"),
        .init("API_TIER_REMOVED", .apiBreaking, [("  enterprise: {}\n", "")], subject: "tiers.enterprise"),
        .init("API_TIER_LIMIT_LOWERED", .apiBreaking, [("items: 10", "items: 5")], subject: "tiers.free.limits.items"),
        .init("API_TIER_LIMIT_LOWERED", .apiBreaking, [("  pro: {}", "  pro: { limits: { owners: 50 } }")], subject: "tiers.pro.limits.owners"),
        .init("API_RATE_LIMIT_TIGHTENED", .apiBreaking, [("limits: { items: 10 } }", "limits: { items: 10 }, rate_limit: 60/minute }")], subject: "tiers.free.rate_limit"),
        .init("API_RATE_LIMIT_TIGHTENED", .apiBreaking, [("    method: POST\n", "    method: POST\n    rate_limit: 10/second\n")], subject: "endpoints.summary"),
        .init("API_CORS_ORIGIN_REMOVED", .apiBreaking, [("cors_origins: [http://a.test]", "cors_origins: []")]),
        // Rollout breaking
        .init("ROLLOUT_TABLE_DROPPED", .rolloutBreaking, [("  logs:\n    columns:\n      id: id\n      message: text\n", "")], subject: "tables.logs"),
        .init("ROLLOUT_COLUMN_DROPPED", .rolloutBreaking, [("      notes: { type: text, nullable: true }\n", "")], subject: "tables.items.columns.notes"),
        .init("ROLLOUT_COLUMN_RENAMED", .rolloutBreaking, [("message: text", "body: { type: text, renamed_from: message }")], subject: "tables.logs.columns.body"),
        .init("ROLLOUT_NOT_NULL_WITHOUT_DEFAULT", .rolloutBreaking, [("      message: text\n", "      message: text\n      level: int\n")], subject: "tables.logs.columns.level"),
        .init("ROLLOUT_COLUMN_NOT_NULL", .rolloutBreaking, [("on_delete: restrict, nullable: true", "on_delete: restrict")], subject: "tables.items.columns.owner_id"),
        .init("ROLLOUT_TYPE_NARROWED", .rolloutBreaking, [("max_length: 80", "max_length: 40")], subject: "tables.items.columns.title"),
        .init("ROLLOUT_ENUM_VALUE_REMOVED", .rolloutBreaking, [("values: [draft, live]", "values: [draft]")]),
        .init("ROLLOUT_UNIQUE_ADDED", .rolloutBreaking, [("name: string", "name: { type: string, unique: true }")], subject: "tables.owners.columns.name"),
        // Data: the migration planner's codes
        .init("KEEL-M001", .data, [("  logs:\n    columns:\n      id: id\n      message: text\n", "")], subject: "tables.logs"),
        .init("KEEL-M002", .data, [("      notes: { type: text, nullable: true }\n", "")], subject: "tables.items.columns.notes"),
        .init("KEEL-M003", .data, [("max_length: 80", "max_length: 40")], subject: "tables.items.columns.title"),
        .init("KEEL-M004", .data, [("values: [draft, live]", "values: [draft]")], subject: "tables.items.columns.status"),
        .init("KEEL-M005", .data, [("on_delete: restrict, nullable: true", "on_delete: restrict")], subject: "tables.items.columns.owner_id"),
        .init("KEEL-M010", .data, [("      message: text\n", "      message: text\n      level: int\n")], subject: "tables.logs.columns.level"),
        // Compatible
        .init("ENDPOINT_ADDED", .compatible, [("  - resource: owners\n", "  - resource: logs\n  - resource: owners\n")], subject: "endpoints.logs"),
        .init("OPERATION_ADDED", .compatible, [("operations: [list, get]", "operations: [list, get, delete]")], subject: "endpoints.owners.delete"),
        .init("TABLE_ADDED", .compatible, [("  logs:\n", "  tags:\n    columns: { id: id }\n  logs:\n")], subject: "tables.tags"),
        .init("FIELD_ADDED", .compatible, [("      price:", "      color: { type: string, nullable: true }\n      price:")], subject: "tables.items.columns.color"),
        .init("FIELD_ADDED", .compatible, [("    total: int\n", "    total: int\n    count: int\n")], subject: "types.Summary.count"),
        .init("TYPE_ADDED", .compatible, [("  Filter:\n", "  Extra:\n    a: int\n  Filter:\n")], subject: "types.Extra"),
        .init("TYPE_REMOVED", .compatible, [("  Summary:\n    total: int\n    kind: { type: enum, values: [a, b] }\n    note: { type: string, required: false }\n", ""), ("response: Summary", "response: owners")], subject: "types.Summary"),
        .init("PARAM_ADDED", .compatible, [("query: { from: { type: date, required: false } }", "query: { from: { type: date, required: false }, to: { type: date, required: false } }")]),
        .init("ENUM_VALUE_ADDED", .compatible, [("values: [exact, fuzzy]", "values: [exact, fuzzy, prefix]")], subject: "types.Filter.mode"),
        .init("LIST_OPTION_ADDED", .compatible, [("filter: [status]", "filter: [status, price]")]),
        .init("ROLE_ADDED", .compatible, [("roles: [admin, editor, viewer, auditor]", "roles: [admin, editor, viewer, auditor, guest]")], subject: "roles.guest"),
        .init("FEATURE_ADDED", .compatible, [("  reports: pro\n", "  reports: pro\n  exports: enterprise\n")], subject: "features.exports"),
        .init("FEATURE_REMOVED", .compatible, [("  reports: pro\n", "")], subject: "features.reports"),
        .init("TIER_ADDED", .compatible, [("  enterprise: {}\n", "  enterprise: {}\n  unlimited: {}\n")], subject: "tiers.unlimited"),
        .init("ACCESS_LOOSENED", .compatible, [("read: [viewer, editor, admin]", "read: [viewer, editor, admin, auditor]")], subject: "endpoints.items"),
        .init("ACCESS_LOOSENED", .compatible, [("items: 10", "items: 20")], subject: "tiers.free.limits.items"),
        .init("CONSTRAINT_LOOSENED", .compatible, [("min: 0 }", "}")], subject: "tables.items.columns.price"),
        .init("FIELD_REMOVED", .compatible, [("    limit: { type: int, required: false }\n", "")], subject: "types.Filter.limit"),
        .init("FIELD_OPTIONAL", .compatible, [("    word: string\n", "    word: { type: string, required: false }\n")], subject: "types.Filter.word"),
        .init("DEFAULT_CHANGED", .compatible, [("price: { type: int, min: 0 }", "price: { type: int, min: 0, default: 0 }")]),
        .init("INDEX_CHANGED", .compatible, [("      - [status]\n", "      - [status]\n      - [price]\n")], subject: "tables.items.indexes"),
        .init("DESCRIPTION_CHANGED", .compatible, [("name: string", "name: { type: string, description: Who owns items }")], subject: "tables.owners.columns.name"),
        .init("SERVICE_CHANGED", .compatible, [("name: shop, version", "name: shop, title: The Shop, version")], subject: "service"),
        .init("CONFIG_CHANGED", .compatible, [("endpoints:\n", "config:\n  shop_banner: { env: SHOP_BANNER, category: system, type: string }\nendpoints:\n")]),
    ]

    static func load(_ yaml: String, file: String) throws -> Spec {
        try SpecLoader.load(yaml: yaml, file: file).get()
    }

    static func edited(_ edits: [(String, String)]) throws -> String {
        var text = base
        for (old, new) in edits {
            try #require(text.contains(old), "edit '\(old)' matches nothing")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test(arguments: cases)
    func reportsChange(_ row: ChangeKindCase) throws {
        let old = try Self.load(Self.base, file: "old.yaml")
        let new = try Self.load(try Self.edited(row.edits), file: "new.yaml")
        let changes = SpecDiffer.diff(old: old, new: new)
        let match = changes.first { $0.code == row.code }
        #expect(match != nil, "no \(row.code) among \(changes.map(\.reference))")
        #expect(match?.changeClass == row.changeClass)
        if let subject = row.subject {
            #expect(changes.contains { $0.code == row.code && $0.subject == subject }, "\(row.code) not at \(subject): \(changes.map(\.reference))")
        }
        // Every change points into the new spec unless it says it points into the old one.
        for change in changes {
            #expect(change.location.file == (change.inOldSpec ? "old.yaml" : "new.yaml"), "\(change.reference) at \(change.shownLocation)")
        }
    }

    @Test func coversAtLeastThirtyKinds() {
        #expect(Set(Self.cases.map(\.code)).count >= 30)
        // Every code the differ can give has a row.
        let covered = Set(Self.cases.map(\.code))
        #expect(ChangeCode.allCases.filter { !covered.contains($0.rawValue) && $0 != .gatewayChanged }.map(\.rawValue) == [])
    }

    @Test func stringAndTextAreOneWireType() throws {
        let old = try Self.load(Self.base, file: "old.yaml")
        let new = try Self.load(try Self.edited([("notes: { type: text, nullable: true }", "notes: { type: string, nullable: true }"), ("    word: string\n", "    word: text\n")]), file: "new.yaml")
        let codes = SpecDiffer.diff(old: old, new: new).map(\.code)
        #expect(!codes.contains("API_FIELD_RETYPED"), "\(codes)")
        // text -> string(255) narrows the column for the database, though.
        #expect(codes.contains("ROLLOUT_TYPE_NARROWED") && codes.contains("KEEL-M003"))
        #expect(codes.contains("API_CONSTRAINT_TIGHTENED"))
    }

    @Test func identicalSpecsHaveNoChanges() throws {
        let spec = try Self.load(Self.base, file: "old.yaml")
        #expect(SpecDiffer.diff(old: spec, new: try Self.load(Self.base, file: "new.yaml")).isEmpty)
    }

    @Test func rolloutMessagesSayTheExpandContractSequence() throws {
        let old = try Self.load(Self.base, file: "old.yaml")
        let new = try Self.load(try Self.edited([("message: text", "body: { type: text, renamed_from: message }")]), file: "new.yaml")
        let rename = try #require(SpecDiffer.diff(old: old, new: new).first { $0.code == "ROLLOUT_COLUMN_RENAMED" })
        #expect(rename.message.contains("add 'body' beside 'message', backfill it and write both, switch reads to 'body', then drop 'message'"))
    }

    @Test func responseEnumAdditionWarnsExhaustiveClients() throws {
        let old = try Self.load(Self.base, file: "old.yaml")
        let new = try Self.load(try Self.edited([("values: [a, b]", "values: [a, b, c]")]), file: "new.yaml")
        let change = try #require(SpecDiffer.diff(old: old, new: new).first { $0.code == "API_ENUM_VALUE_ADDED" })
        #expect(change.message.contains("exhaustively"))
    }
}
