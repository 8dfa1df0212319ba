// Compiled with the MySQL package trait only (Package.swift).
#if MySQL
import CMariaDB
import Foundation

/// Runs one prepared statement with bound parameters (the binary protocol) and reads its rows as text,
/// typed afterwards by each column's field type.
enum MySQLStatement {
    struct Result: Sendable {
        var rows: [DatabaseRow]
        var affectedRows: Int
    }

    /// The first size tried for a result cell; longer values are fetched again at their real length.
    private static let initialCellSize = 256

    static func run(_ sql: String, _ binds: [DatabaseValue], on handle: UnsafeMutablePointer<MYSQL>) throws -> Result {
        guard let statement = mysql_stmt_init(handle) else { throw MySQLConnection.error(of: handle, context: nil) }
        defer { mysql_stmt_close(statement) }
        guard mysql_stmt_prepare(statement, sql, UInt(sql.utf8.count)) == 0 else { throw error(of: statement) }
        let placeholders = Int(mysql_stmt_param_count(statement))
        guard placeholders == binds.count else {
            throw DatabaseError(.other, "statement has \(placeholders) placeholders but \(binds.count) values were bound: \(sql)")
        }
        let parameters = BindBuffers(count: binds.count)
        for (index, value) in binds.enumerated() {
            parameters.bind(value, at: index)
        }
        if !binds.isEmpty, mysql_stmt_bind_param(statement, parameters.binds) != 0 { throw error(of: statement) }
        guard mysql_stmt_execute(statement) == 0 else { throw error(of: statement) }

        guard let metadata = mysql_stmt_result_metadata(statement) else {
            return Result(rows: [], affectedRows: Int(mysql_stmt_affected_rows(statement)))
        }
        defer { mysql_free_result(metadata) }
        guard mysql_stmt_store_result(statement) == 0 else { throw error(of: statement) }
        let columnCount = Int(mysql_num_fields(metadata))
        let fields = UnsafeBufferPointer(start: mysql_fetch_fields(metadata), count: columnCount)
        let columns = fields.map { String(cString: $0.name) }
        let cells = BindBuffers(count: columnCount)
        for index in 0..<columnCount {
            cells.prepareResult(at: index, capacity: initialCellSize)
        }
        guard mysql_stmt_bind_result(statement, cells.binds) == 0 else { throw error(of: statement) }

        var rows: [DatabaseRow] = []
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { break }
            if status == 1 { throw error(of: statement) }
            var values: [DatabaseValue] = []
            values.reserveCapacity(columnCount)
            for index in 0..<columnCount {
                guard let bytes = try cells.resultBytes(at: index, statement: statement) else {
                    values.append(.null)
                    continue
                }
                values.append(value(of: bytes, field: fields[index]))
            }
            rows.append(DatabaseRow(columns: columns, values: values))
        }
        return Result(rows: rows, affectedRows: rows.count)
    }

    /// Types a cell by its column: integers and floats become numbers, binary columns bytes, the rest text.
    private static func value(of bytes: [UInt8], field: MYSQL_FIELD) -> DatabaseValue {
        let binaryCharset: UInt32 = 63
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_INT24, MYSQL_TYPE_YEAR:
            let text = String(decoding: bytes, as: UTF8.self)
            return Int64(text).map(DatabaseValue.int) ?? .text(text)
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            let text = String(decoding: bytes, as: UTF8.self)
            return Double(text).map(DatabaseValue.double) ?? .text(text)
        case MYSQL_TYPE_TINY_BLOB, MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB, MYSQL_TYPE_BLOB,
             MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_STRING, MYSQL_TYPE_BIT:
            return field.charsetnr == binaryCharset ? .bytes(bytes) : .text(String(decoding: bytes, as: UTF8.self))
        default:
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func error(of statement: UnsafeMutablePointer<MYSQL_STMT>) -> DatabaseError {
        let code = mysql_stmt_errno(statement)
        return MySQLErrorCode.classify(code, message: "MySQL error \(code): \(String(cString: mysql_stmt_error(statement)))")
    }
}

/// `MYSQL_BIND` records and the memory they point at, freed together.
private final class BindBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let count: Int
    private var storage: [UnsafeMutableRawPointer] = []

    init(count: Int) {
        self.count = count
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        lengths = .allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        nulls = .allocate(capacity: max(count, 1))
        nulls.initialize(repeating: 0, count: max(count, 1))
    }

    deinit {
        storage.forEach { $0.deallocate() }
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
    }

    /// Points parameter `index` at a copy of `value`; timestamps go as UTC text, which the session's UTC zone reads back.
    func bind(_ value: DatabaseValue, at index: Int) {
        switch value {
        case .null:
            binds[index].buffer_type = MYSQL_TYPE_NULL
        case .bool(let flag):
            set(index, MYSQL_TYPE_TINY, copying: Int8(flag ? 1 : 0))
        case .int(let number):
            set(index, MYSQL_TYPE_LONGLONG, copying: number)
        case .double(let number):
            set(index, MYSQL_TYPE_DOUBLE, copying: number)
        case .text(let text):
            set(index, MYSQL_TYPE_STRING, bytes: Array(text.utf8))
        case .bytes(let bytes):
            set(index, MYSQL_TYPE_BLOB, bytes: bytes)
        case .timestamp(let date):
            set(index, MYSQL_TYPE_STRING, bytes: Array(DatabaseTimestamp.mysql(date).utf8))
        case .uuid(let uuid):
            set(index, MYSQL_TYPE_STRING, bytes: Array(uuid.uuidString.lowercased().utf8))
        }
    }

    /// Gives result column `index` a text buffer of `capacity` bytes.
    func prepareResult(at index: Int, capacity: Int) {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        storage.append(buffer)
        binds[index].buffer_type = MYSQL_TYPE_STRING
        binds[index].buffer = buffer
        binds[index].buffer_length = UInt(capacity)
        binds[index].length = lengths + index
        binds[index].is_null = nulls + index
    }

    /// The fetched bytes of result column `index`, or nil for NULL; a value longer than its buffer is fetched again whole.
    func resultBytes(at index: Int, statement: UnsafeMutablePointer<MYSQL_STMT>) throws -> [UInt8]? {
        if nulls[index] != 0 { return nil }
        let length = Int(lengths[index])
        if length <= Int(binds[index].buffer_length) {
            return Array(UnsafeRawBufferPointer(start: binds[index].buffer, count: length))
        }
        var whole = [UInt8](repeating: 0, count: length)
        var bind = MYSQL_BIND()
        var wholeLength: UInt = 0
        let status = whole.withUnsafeMutableBytes { buffer in
            bind.buffer_type = MYSQL_TYPE_STRING
            bind.buffer = buffer.baseAddress
            bind.buffer_length = UInt(length)
            return withUnsafeMutablePointer(to: &wholeLength) { lengthPointer in
                bind.length = lengthPointer
                return mysql_stmt_fetch_column(statement, &bind, UInt32(index), 0)
            }
        }
        guard status == 0 else {
            throw DatabaseError(.other, "MySQL: could not read column \(index) (\(length) bytes)")
        }
        return whole
    }

    private func set<T>(_ index: Int, _ type: enum_field_types, copying value: T) {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: MemoryLayout<T>.alignment)
        buffer.storeBytes(of: value, as: T.self)
        storage.append(buffer)
        binds[index].buffer_type = type
        binds[index].buffer = buffer
        binds[index].buffer_length = UInt(MemoryLayout<T>.size)
    }

    private func set(_ index: Int, _ type: enum_field_types, bytes: [UInt8]) {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        if !bytes.isEmpty {
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        }
        storage.append(buffer)
        binds[index].buffer_type = type
        binds[index].buffer = buffer
        binds[index].buffer_length = UInt(bytes.count)
    }
}
#endif
