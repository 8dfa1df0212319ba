// Compiled with the PostgreSQL package trait only (Package.swift).
#if PostgreSQL
import Foundation
import PostgresNIO

/// An instant bound as PostgreSQL's microseconds since 2000-01-01, rounded. postgres-nio's own `Date` encoding
/// truncates, which stored some instants a microsecond before the text a response shows, so a filter by that
/// text missed its row.
struct PostgresInstant: PostgresNonThrowingEncodable {
    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }
    /// 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds since 1970.
    private static let epoch: Double = 946_684_800

    let date: Date

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(Int64(((date.timeIntervalSince1970 - Self.epoch) * 1_000_000).rounded()))
    }
}
#endif
