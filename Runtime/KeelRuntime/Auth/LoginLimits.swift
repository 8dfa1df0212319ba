/// How many failed logins the throttle allows within its window (`LOGIN_MAX_FAILURES_PER_ACCOUNT`,
/// `LOGIN_MAX_FAILURES_PER_ADDRESS`, `LOGIN_FAILURE_WINDOW_SECONDS`).
struct LoginLimits: Sendable, Equatable {
    /// Per email sent: enough for a user who mistypes, far too few to guess a password.
    var perAccount: Int
    /// Per client address: a few users behind one NAT, not a sweep over many accounts.
    var perAddress: Int
    /// Failures older than this no longer count.
    var window: Duration

    init(perAccount: Int = 5, perAddress: Int = 20, window: Duration = .seconds(900)) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }
}
