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

    private let calls = Mutex<[Int: Call]>([:])

    /// Starts `task`; its answer or failure resumes `continuation`.
    func start(_ task: URLSessionDataTask, limit: Int, continuation: CheckedContinuation<SystemHTTP.Answer, any Error>) {
        calls.withLock { $0[task.taskIdentifier] = Call(limit: limit, continuation: continuation) }
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let overflow = calls.withLock { calls -> Bool in
            // In place, through the dictionary: a copy of the call would make each chunk copy the whole body.
            guard calls[id]?.overflow == false else { return false }
            calls[id]?.body.append(data)
            guard let call = calls[id], call.body.count > call.limit else { return false }
            calls[id]?.overflow = true
            calls[id]?.body = Data()
            return true
        }
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let call = calls.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
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
