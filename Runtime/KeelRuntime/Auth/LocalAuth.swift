/// What `auth: local` keeps beyond its signing key: the accounts, the login throttle, what each token's account
/// currently is, and where a client's address comes from.
struct LocalAuth: Sendable {
    let users: UserStore
    let throttle: LoginThrottle
    let tokenStates: TokenStates
    let trustsForwardedFor: Bool

    init(database: any Database, settings: AuthSettings) {
        tokenStates = TokenStates(database: database, lifetime: settings.accountStateLifetime)
        users = UserStore(database: database, bcryptCost: settings.bcryptCost, tokenStates: tokenStates)
        throttle = LoginThrottle(database: database, limits: settings.loginLimits)
        trustsForwardedFor = settings.trustsForwardedFor
    }

    /// The account whose password matches, or nil; throws `LoginThrottle.Refusal` when the account or the
    /// address failed too often. An unknown email takes the same statements and the same hashing as a wrong password.
    func logIn(email: String, password: String, from address: String) async throws -> UserAccount? {
        let attempt = try await throttle.begin(email: email, address: address)
        guard let account = try await users.authenticate(email: email, password: password) else { return nil }
        try await throttle.succeeded(attempt)
        return account
    }
}
