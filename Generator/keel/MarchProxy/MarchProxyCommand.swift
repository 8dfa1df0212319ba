import ArgumentParser

/// `keel marchproxy …`: the gateway side of the spec.
struct MarchProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marchproxy",
        abstract: "Work with the MarchProxy gateway in front of the service.",
        subcommands: [MarchProxyPush.self]
    )
}
