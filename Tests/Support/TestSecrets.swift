/// The secrets the suites set (passwords, signing keys, sensitive settings). Each holds `marker`, and
/// `scripts/test.sh` fails when the marker appears anywhere in what the suites printed: their logs included.
public enum TestSecrets {
    /// Found in no other text of the repository's output; `scripts/check-secrets.sh` greps for it.
    public static let marker = "KEEL-TEST-SECRET"
    /// A password, e.g. of a database URL or an account.
    public static let password = "pw-\(marker)-7"
    /// A key of at least 32 characters, for `SECRET_KEY`.
    public static let signingKey = "signing-key-\(marker)-0123456789abcdef"

    /// `text` with every `SECRET` replaced by `password`: test arguments carry the placeholder, since argument
    /// values may be printed.
    public static func fill(_ text: String) -> String {
        text.replacingOccurrences(of: "SECRET", with: password)
    }
}
