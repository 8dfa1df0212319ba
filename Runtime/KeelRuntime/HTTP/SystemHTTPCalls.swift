import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// The delegate of `SystemHTTP`'s session: gathers each call's body up to its limit, answers its continuation once,
/// and keeps a license key from following a redirect.
final class SystemHTTPCalls: NSObject, URLSessionDataDelegate, Sendable {
    private struct Call {
        let limit: Int
        let continuation: CheckedContinuation<SystemHTTP.Answer, any Error>
        var body = Data()
        var overflow = false
    }

    private struct State {
        var calls: [Int: Call] = [:]
        /// Tasks cancelled before `start`: Linux's URLSession may report such a task's end before its call is
        /// registered, and then never again, so the cancellation is answered here instead.
        var cancelledEarly: Set<Int> = []
    }

    private let state = Mutex(State())

    /// Starts `task`; its answer or failure resumes `continuation`, at once with `CancellationError` if `cancel`
    /// came first.
    func start(_ task: URLSessionDataTask, limit: Int, continuation: CheckedContinuation<SystemHTTP.Answer, any Error>) {
        let cancelled = state.withLock { state -> Bool in
            if state.cancelledEarly.remove(task.taskIdentifier) != nil { return true }
            state.calls[task.taskIdentifier] = Call(limit: limit, continuation: continuation)
            return false
        }
        if cancelled {
            continuation.resume(throwing: CancellationError())
        } else {
            task.resume()
        }
    }

    /// Cancels `task` and answers its call with `CancellationError`, whether or not `start` has run yet.
    func cancel(_ task: URLSessionDataTask) {
        // A call already answered (cancelled on its way out) is remembered by no one: only a task not yet started is.
        let unstarted = task.state == .suspended
        let call = state.withLock { state -> Call? in
            if let call = state.calls.removeValue(forKey: task.taskIdentifier) { return call }
            if unstarted { state.cancelledEarly.insert(task.taskIdentifier) }
            return nil
        }
        task.cancel()
        call?.continuation.resume(throwing: CancellationError())
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let overflow = state.withLock { state -> Bool in
            // In place, through the dictionary: a copy of the call would make each chunk copy the whole body.
            guard state.calls[id]?.overflow == false else { return false }
            state.calls[id]?.body.append(data)
            guard let call = state.calls[id], call.body.count > call.limit else { return false }
            state.calls[id]?.overflow = true
            state.calls[id]?.body = Data()
            return true
        }
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let call = state.withLock({ $0.calls.removeValue(forKey: task.taskIdentifier) }) else { return }
        if call.overflow {
            call.continuation.resume(throwing: SystemHTTP.Failure(description: "the answer's body is larger than \(call.limit) bytes"))
        } else if let error {
            call.continuation.resume(throwing: error)
        } else if let response = task.response as? HTTPURLResponse {
            call.continuation.resume(returning: SystemHTTP.Answer(status: response.statusCode, body: call.body))
        } else {
            call.continuation.resume(throwing: SystemHTTP.Failure(description: "the answer is not HTTP"))
        }
    }

    /// Follows a redirect only for a request without a body or credentials (a key fetch, a probe). Otherwise the 3xx is
    /// the answer: Linux's URLSession would send the credentials to wherever the redirect points and drop the body.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        let original = task.originalRequest
        let plain = original?.httpBody == nil && original?.value(forHTTPHeaderField: "Authorization") == nil
        completionHandler(plain ? request : nil)
    }
}
