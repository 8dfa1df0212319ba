import Foundation

/// What writing a set of generated files would change on disk: computed first, so nothing is written when any
/// part cannot be, and reused by `keel check` to tell stale, missing and extra files.
public struct WritePlan: Sendable {
    /// Files that do not exist yet.
    public var creations: [GeneratedFile] = []
    /// Generated files whose bytes differ from what generate would write.
    public var updates: [GeneratedFile] = []
    /// Generated files no longer produced by the spec.
    public var deletions: [String] = []
    /// Files that are already exactly right.
    public var unchanged: [String] = []
    /// Files a person wrote (no generated header) at a path Keel wants: never touched.
    public var conflicts: [String] = []

    /// True when disk already matches the spec.
    public var isUpToDate: Bool { creations.isEmpty && updates.isEmpty && deletions.isEmpty && conflicts.isEmpty }

    /// Compares `files` with the disk.
    ///
    /// - Parameter ownedDirectories: directories Keel generates into; generated files in them that are no
    ///   longer produced are pruned. Files without the header there are left alone.
    public init(files: [GeneratedFile], ownedDirectories: [String]) {
        let fileManager = FileManager.default
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard let data = fileManager.contents(atPath: file.path) else {
                creations.append(file)
                continue
            }
            if data == Data(file.contents.utf8) {
                unchanged.append(file.path)
            } else if GeneratedHeader.isGenerated(String(decoding: data.prefix(GeneratedHeader.searchLength), as: UTF8.self)) {
                updates.append(file)
            } else {
                conflicts.append(file.path)
            }
        }
        let produced = Set(files.map(\.path))
        for directory in ownedDirectories {
            deletions += Self.generatedFiles(under: directory).filter { !produced.contains($0) }
        }
        deletions.sort()
    }

    /// Every file under `directory` that carries the generated header.
    private static func generatedFiles(under directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            let head = (try? handle.read(upToCount: GeneratedHeader.searchLength)) ?? nil
            try? handle.close()
            if let head, GeneratedHeader.isGenerated(String(decoding: head, as: UTF8.self)) {
                found.append(path)
            }
        }
        return found
    }
}
