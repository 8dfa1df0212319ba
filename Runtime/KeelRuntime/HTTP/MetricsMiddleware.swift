import Hummingbird

/// Counts and times every request, errors included, under its route template.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = KeelRequestContext
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        // Unmatched paths share one label, so probing random URLs cannot grow the metric set.
        let endpoint = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.record(method: method, endpoint: endpoint, status: response.status.code, duration: ContinuousClock.now - started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.record(method: method, endpoint: endpoint, status: status, duration: ContinuousClock.now - started)
            throw error
        }
    }
}
