import Foundation
import KeelGenerator
import KeelTestSupport
import Testing

/// The generated client, compiled by `tsc` and run by node against a fetch that answers like a rate-limited
/// service: the `ApiError` it throws carries the 429, `RATE_LIMITED` and `Retry-After` in seconds.
struct TypeScriptRateLimitTests {
    @Test func aRefusalByTheRateLimitTellsWhenToRetry() async throws {
        let generation = try Generation.run(configPath: GoldenTests.exampleRoot + "/keel.yaml", displayRelativeTo: GoldenTests.exampleRoot).get()
        let directory = NSTemporaryDirectory() + "keel-ts-429-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in generation.files where ["client.ts", "types.ts"].contains((file.path as NSString).lastPathComponent) {
            try file.contents.write(toFile: directory + "/" + (file.path as NSString).lastPathComponent, atomically: true, encoding: .utf8)
        }
        let compiled = try await ProcessRunner.run("/usr/bin/tsc", ["--strict", "--target", "ES2020", "--module", "commonjs", "--lib", "ES2020,DOM",
                                                             "--typeRoots", directory + "/none", "--outDir", directory + "/js", directory + "/client.ts", directory + "/types.ts"])
        #expect(compiled.status == 0, "tsc: \(compiled.output)")
        let script = """
            const { createClient, ApiError } = require("./js/client.js");
            const body = { detail: "Rate limit of 10 requests per minute reached; retry in 7 s", code: "RATE_LIMITED", status_code: 429, trace_id: "t-1" };
            const fetch = async () => new Response(JSON.stringify(body), { status: 429, headers: { "Retry-After": "7", "RateLimit-Limit": "10" } });
            createClient({ baseUrl: "http://service", fetch }).listCategories().then(
              () => console.log("no error"),
              (error) => console.log(JSON.stringify({ isApiError: error instanceof ApiError, status: error.status, code: error.code,
                                                      retryAfter: error.retryAfter, tooManyRequests: error.tooManyRequests, message: error.message })));
            """
        try script.write(toFile: directory + "/run.js", atomically: true, encoding: .utf8)
        let run = try await ProcessRunner.run("/usr/bin/node", [directory + "/run.js"], in: directory)
        #expect(run.status == 0, "node: \(run.output)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "node printed: \(run.output)")
        #expect(answer["isApiError"] as? Bool == true)
        #expect(answer["status"] as? Int == 429)
        #expect(answer["code"] as? String == "RATE_LIMITED")
        #expect(answer["retryAfter"] as? Int == 7)
        #expect(answer["tooManyRequests"] as? Bool == true)
        #expect(answer["message"] as? String == "Rate limit of 10 requests per minute reached; retry in 7 s")
    }
}
