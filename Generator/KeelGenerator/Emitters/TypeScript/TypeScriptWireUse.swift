import KeelSpec

/// Which models and named types travel in request bodies (they need an `encodeX`) and in answers (a
/// `decodeX`), following named types' fields. Only those functions are generated: on a spec of
/// thousands of tables, unused converters would only slow `tsc` down.
struct TypeScriptWireUse {
    /// TypeScript type names.
    private(set) var encoded: Set<String> = []
    private(set) var decoded: Set<String> = []

    init(spec: Spec, types: TypeScriptTypes) {
        // Every resource answers its model (delete alone answers nothing, and is never alone in practice).
        for resource in spec.resources where resource.operations.contains(where: { $0 != .delete }) {
            if let table = spec.table(named: resource.table) { decoded.insert(table.model) }
        }
        for endpoint in spec.customEndpoints {
            if let body = endpoint.body { mark(body, in: \.encoded, spec: spec, types: types) }
            if let answer = endpoint.response { mark(answer, in: \.decoded, spec: spec, types: types) }
        }
    }

    private mutating func mark(_ reference: TypeReference, in set: WritableKeyPath<TypeScriptWireUse, Set<String>>, spec: Spec, types: TypeScriptTypes) {
        switch reference {
        case .model(let table):
            self[keyPath: set].insert(types.model(ofTable: table))
        case .named(let name):
            guard self[keyPath: set].insert(name).inserted, let type = spec.type(named: name) else { return }
            for field in type.fields { mark(field.type, in: set, spec: spec, types: types) }
        case .array(let element):
            mark(element, in: set, spec: spec, types: types)
        case .scalar, .enumeration:
            break
        }
    }
}
