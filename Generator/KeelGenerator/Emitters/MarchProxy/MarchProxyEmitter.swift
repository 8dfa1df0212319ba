import KeelSpec

/// Writes `outputs.marchproxy`: `services.json`, `mappings.json` and `import-config.json` in the form the
/// project template documents under `config/marchproxy/`. JSON has no comments, so the generated header is
/// a `generated_by` value: a top-level key, and the template's own `metadata.generated_by` in the import file.
public struct MarchProxyEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.marchproxy else { return [] }
        let config = MarchProxyConfig(spec)
        let services = StructuredValue.array(config.services.map { .object($0.fields) })
        let mappings = StructuredValue.array(config.mappings.map { .object($0.fields) })
        let header = StructuredValue.string(GeneratedHeader.text(specName: context.specName))
        let metadata = StructuredValue.object([
            ("app_name", .string(config.appName)),
            ("generated_by", header),
            ("version", .string(config.version)),
            ("description", .string(config.description)),
        ])
        let documents: [(String, StructuredValue)] = [
            ("services.json", .object([("generated_by", header), ("services", services)])),
            ("mappings.json", .object([("generated_by", header), ("mappings", mappings)])),
            ("import-config.json", .object([("metadata", metadata), ("services", services), ("mappings", mappings)])),
        ]
        return documents.map { GeneratedFile(path: directory + "/" + $0.0, contents: JSONRenderer.render($0.1)) }
    }
}
