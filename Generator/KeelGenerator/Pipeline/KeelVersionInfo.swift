/// The version of Keel; part of the generation cache's key, since a new Keel may generate different files.
public enum KeelVersionInfo {
    public static let current = "0.1.0"
}
