import KeelClient

/// The one error body every generated service answers with: KeelClient's, so the clients calling a service decode
/// the type it sends.
public typealias ErrorEnvelope = KeelClient.ErrorEnvelope
