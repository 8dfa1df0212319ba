import Foundation
import KeelTestSupport
import Testing

/// The generated TypeScript client and hooks in headless Chromium against the running example service:
/// esbuild bundles `Browser/app.tsx` (a React page using the hooks), a static server serves it from
/// `http://localhost:3000` (the origin the example's CORS allows), and the page logs in, creates, lists,
/// updates and deletes a product, meets a 422, a 404, a 403 for an unlicensed feature and a 401.
/// A missing tool fails the test: `scripts/setup.sh` installs esbuild, chromium and node-react(-dom).
@Suite(.serialized)
struct BrowserClientTests {
    static let browserFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser").path
    /// Where the screenshot goes (beside the build products, never committed).
    static let screenshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/browser-client.png").path
    static let licenseKey = "PENG-PRO1-PRO2-PRO3-PRO4-PRO5"

    @Test func generatedHooksDriveTheServiceFromABrowser() async throws {
        for tool in ["/usr/bin/tsc", "/usr/bin/esbuild", "/usr/bin/chromium"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run scripts/setup.sh")
        }
        try #require(FileManager.default.fileExists(atPath: "/usr/share/nodejs/react-dom/client.js"), "react-dom is missing: run scripts/setup.sh (node-react-dom)")

        // Professional: everything but `advanced_analytics`, which the revenue report needs.
        let license = try await FakeLicenseServer.start(licenses: [Self.licenseKey: FakeLicense(product: "shop", tier: "professional")])
        defer { Task { await license.stop() } }
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_browser", extra: [
            "RELEASE_MODE": "true", "LICENSE_KEY": Self.licenseKey, "LICENSE_SERVER_URL": license.url,
        ])
        try await ShopHarness.run(environment) { client in
            let port = try #require(client.client.port)
            let site = NSTemporaryDirectory() + "keel-browser-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: site) }
            try await bundle(into: site, apiURL: "http://127.0.0.1:\(port)")

            let server = try await StaticSite.start(folder: site, port: 3000)
            let dom: String
            do {
                dom = try await chromium(["--dump-dom", server.origin + "/index.html"])
                _ = try await chromium(["--screenshot=\(Self.screenshot)", "--window-size=1100,900", server.origin + "/index.html"])
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()

            let lines = Self.logLines(dom)
            #expect(dom.contains("<p id=\"done\">done</p>"), "the page did not finish: \(lines)")
            #expect(!lines.contains { $0.hasPrefix("FAILED") }, "\(lines)")
            #expect(lines.first == "login tokenType=bearer expires=true")
            #expect(lines.contains { $0.hasPrefix("created id=") && $0.hasSuffix("priceCents=1250 status=draft inStock=true") })
            #expect(lines.contains { $0.hasPrefix("listed total=") && $0.hasSuffix("limit=20 hasNew=true") })
            #expect(lines.contains("updated priceCents=1999 notes=glazed weightKg=null"))
            #expect(lines.contains("got priceCents=1999 categoryId=null"))
            #expect(lines.contains { $0.hasPrefix("invalid ApiError status=422 code=VALIDATION_FAILED") && $0.contains("price_cents") })
            #expect(lines.contains("deleted"))
            #expect(lines.contains("gone ApiError status=404 code=NOT_FOUND feature=- fields= trace=yes"))
            #expect(lines.contains("unlicensed ApiError status=403 code=FEATURE_NOT_LICENSED feature=advanced_analytics fields= trace=yes"))
            #expect(lines.contains("onUnauthorized called tokenDropped=true"))
            #expect(lines.contains { $0.hasPrefix("me ApiError status=401") })
            #expect(FileManager.default.fileExists(atPath: Self.screenshot), "no screenshot at \(Self.screenshot)")
        }
    }

    /// Type-checks the page (esbuild only strips types), then bundles it as a React app's build would:
    /// `REACT_APP_API_URL` baked in, React from Debian's packages.
    private func bundle(into site: String, apiURL: String) async throws {
        let check = try await ProcessRunner.run("/usr/bin/tsc", ["-p", Self.browserFolder + "/tsconfig.json"])
        try #require(check.status == 0, "tsc on the page: \(check.output)")
        func literal(_ text: String) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
        }
        let result = try await ProcessRunner.run("/usr/bin/esbuild", [
            Self.browserFolder + "/app.tsx", "--bundle", "--outfile=\(site)/app.js", "--jsx=automatic", "--log-level=warning",
            "--define:process.env.REACT_APP_API_URL=\(literal(apiURL))", "--define:process.env.NODE_ENV=\(literal("production"))",
            "--define:ADMIN_EMAIL=\(literal(ShopHarness.adminEmail))", "--define:ADMIN_PASSWORD=\(literal(ShopHarness.adminPassword))",
        ], environment: ["NODE_PATH": "/usr/share/nodejs"])
        try #require(result.status == 0, "esbuild: \(result.output)")
        try FileManager.default.copyItem(atPath: Self.browserFolder + "/index.html", toPath: site + "/index.html")
    }

    /// Headless Chromium with `arguments`; the virtual time budget lets the page's requests and renders finish first.
    private func chromium(_ arguments: [String]) async throws -> String {
        let profile = NSTemporaryDirectory() + "keel-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let result = try await ProcessRunner.run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)", "--virtual-time-budget=30000",
        ] + arguments)
        try #require(result.status == 0, "chromium: \(result.output)")
        return result.output
    }

    /// The text of each `<li>` of the page's log.
    static func logLines(_ dom: String) -> [String] {
        dom.components(separatedBy: "<li").dropFirst().compactMap { item in
            guard let start = item.firstIndex(of: ">"), let end = item.range(of: "</li>") else { return nil }
            return String(item[item.index(after: start)..<end.lowerBound])
        }
    }
}
