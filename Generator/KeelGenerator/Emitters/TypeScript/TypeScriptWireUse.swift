import KeelSpec

/// Which models and named types travel in request bodies (they need an `encodeX`) and in answers (a
/// `decodeX`), following named types' fields. Only those functions are generated: on a spec of
/// thousands of tables, unused converters would only slow `tsc` down.
struct TypeScriptWireUse {
    /// TypeScript type names.
    private(set) var encoded: Set<String> = []
    private(set) var decoded: Set<String> = []
    /// Models some resource creates (`encodeXCreate`) or updates (`encodeXPatch`).
    private(set) var created: Set<String> = []
    private(set) var patched: Set<String> = []

    init(spec: Spec, types: TypeScriptTypes) {
        for resource in spec.resources {
            guard let model = spec.table(named: resource.table)?.model else { continue }
            // Every operation but delete answers the model.
            if resource.operations.contains(where: { $0 != .delete }) { decoded.insert(model) }
            if resource.operations.contains(.create) { created.insert(model) }
            if resource.operations.contains(.update) { patched.insert(model) }
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
