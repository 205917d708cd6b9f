import Engine
import Rules
import ScanModel
import TestFixtures
import Testing

/// The parallel buffer scanner behind `staged` and `git`, against its one-thread twin.
@Suite struct BufferScanPoolTests {
    typealias Fake = FakeCredentials

    /// Versions of a few files, as git history holds them: the same key in several versions.
    static let buffers: [(path: String, text: String)] = (0..<40).map { index in
        let path = "svc\(index % 5)/config.json"
        let text =
            index % 3 == 0
            ? Fake.serviceConfig(live: index % 2 == 0) : "version \(index)\nKEY=\(Fake.testKey)\n"
        return (path, text)
    }

    static func scan(threads: Int, keepsFirstVersion: Bool = false) -> ScanResult {
        let pool = BufferScanPool(
            rules: RuleSet.builtin(), allowedPaths: [], threads: threads, onWarning: { _ in })
        for (index, buffer) in buffers.enumerated() {
            pool.submit(
                Array(buffer.text.utf8), path: buffer.path,
                origin: GitOrigin(blob: "blob\(index)", commit: "commit\(index)"))
        }
        return pool.finish(keepsFirstVersion: keepsFirstVersion)
    }

    @Test(arguments: [false, true])
    func manyThreadsGiveWhatOneThreadGives(_ keepsFirstVersion: Bool) {
        let serial = Self.scan(threads: 1, keepsFirstVersion: keepsFirstVersion)
        let parallel = Self.scan(threads: 6, keepsFirstVersion: keepsFirstVersion)

        #expect(!serial.findings.isEmpty)
        #expect(serial.findings == parallel.findings)
        #expect(serial.findings.map(\.gitOrigin) == parallel.findings.map(\.gitOrigin))
        #expect(serial.summary == parallel.summary)
        #expect(serial.summary.filesScanned == Self.buffers.count)
    }

    @Test func firstVersionKeepsTheEarliestBufferOfEachSecretAndPath() {
        let all = Self.scan(threads: 3)
        let first = Self.scan(threads: 3, keepsFirstVersion: true)
        let testKeys = first.findings.filter { $0.ruleID == "pasby.api-key.test" }

        #expect(first.findings.count < all.findings.count)
        #expect(Set(testKeys.map(\.location.path)).count == testKeys.count)
        let svc1 = testKeys.first { $0.location.path == "svc1/config.json" }
        #expect(svc1?.gitOrigin?.commit == "commit1")
    }
}
