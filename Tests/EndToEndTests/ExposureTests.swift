import Foundation
import TestFixtures
import Testing

/// `exposure`: whether a secret found in history is still in the work tree, and that staged
/// findings say they are staged.
@Suite struct ExposureTests {
    typealias Fake = FakeCredentials

    static func run(_ repository: TemporaryRepository, _ arguments: [String]) throws -> BinaryRun {
        try BinaryRun(arguments, in: repository.path, environment: TemporaryRepository.environment)
    }

    /// The `exposure` values in a JSON report, in report order.
    static func exposures(_ report: String) throws -> [String?] {
        let object = try JSONSerialization.jsonObject(with: Data(report.utf8))
        let findings = (object as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        return findings.map { $0["exposure"] as? String }
    }

    @Test func aSecretAddedThenDeletedIsHistoryOnly() throws {
        let repository = TemporaryRepository()
        repository.write("deploy/prod.env", "KEY=\(Fake.liveKey)\n")
        repository.commitAll("oops")
        try FileManager.default.removeItem(atPath: repository.path + "/deploy/prod.env")
        repository.commitAll("remove the key")

        let json = try Self.run(repository, ["git", "--format", "json"])
        let text = try Self.run(repository, ["git"])
        let sarif = try Self.run(repository, ["git", "--format", "sarif"])

        #expect(json.status == 1)
        #expect(try Self.exposures(json.stdout) == ["history-only"])
        #expect(text.stdout.contains("  exposure:    history-only (no longer in the work tree"))
        #expect(sarif.stdout.contains(#""exposure" : "history-only""#))
        #expect(sarif.stdout.contains("; only in history, no longer in the work tree"))
    }

    @Test func aSecretStillInTheWorkTreeIsWorktree() throws {
        let repository = TemporaryRepository()
        repository.write("app.env", "KEY=\(Fake.liveKey)\n")
        repository.commitAll("key")

        let json = try Self.run(repository, ["git", "--format", "json"])
        let text = try Self.run(repository, ["git"])

        #expect(json.status == 1)
        #expect(try Self.exposures(json.stdout) == ["worktree"])
        #expect(text.stdout.contains("  exposure:    worktree (also in the current work tree)"))
    }

    @Test func aSecretMovedToAnotherFileIsWorktree() throws {
        let repository = TemporaryRepository()
        repository.write("old.env", "KEY=\(Fake.sandboxSecret)\n")
        repository.commitAll("secret")
        try FileManager.default.removeItem(atPath: repository.path + "/old.env")
        repository.write("config/new.yaml", "secret: \(Fake.sandboxSecret)\n")
        repository.commitAll("moved")

        let json = try Self.run(repository, ["git", "--format", "json"])

        // Reported once per path, and both copies are the one now in config/new.yaml.
        #expect(try Self.exposures(json.stdout) == ["worktree", "worktree"])
    }

    @Test func aSecretOnlyInAnUncommittedEditStillCountsAsInTheWorkTree() throws {
        let repository = TemporaryRepository()
        repository.write("a.env", "SECRET=\(Fake.productionSecret)\nKEY=\(Fake.liveKey)\n")
        repository.commitAll("two production credentials")
        repository.write("a.env", "SECRET=\(Fake.productionSecret)\n")

        let json = try Self.run(repository, ["git", "--format", "json"])

        // Line 1: the secret, still there; line 2: the key, removed but not committed.
        #expect(try Self.exposures(json.stdout) == ["worktree", "history-only"])
    }

    @Test func stagedFindingsAreStaged() throws {
        let repository = TemporaryRepository()
        repository.write("README", "hello\n")
        repository.commitAll("start")
        repository.write("app.env", "KEY=\(Fake.liveKey)\n")
        repository.git("add", "app.env")

        let json = try Self.run(repository, ["staged", "--format", "json"])
        let text = try Self.run(repository, ["staged"])

        #expect(json.status == 1)
        #expect(try Self.exposures(json.stdout) == ["staged"])
        #expect(text.stdout.contains("  exposure:    staged (in the next commit)"))
    }

    @Test func scanFindingsHaveNoExposure() throws {
        let repository = TemporaryRepository()
        repository.write("app.env", "KEY=\(Fake.liveKey)\n")

        let json = try Self.run(repository, ["scan", "--format", "json", "."])

        #expect(try Self.exposures(json.stdout) == [nil])
        #expect(!json.stdout.contains("exposure"))
    }

    @Test func aBareRepositoryHasNoWorkTreeSoNoExposure() throws {
        let repository = TemporaryRepository()
        repository.write("app.env", "KEY=\(Fake.liveKey)\n")
        repository.commitAll("key")
        let bare = TemporaryRepository(arguments: ["--bare"])
        repository.git("push", "-q", bare.path, "HEAD:refs/heads/main")

        let json = try Self.run(bare, ["git", "--format", "json"])

        #expect(json.status == 1)
        #expect(try Self.exposures(json.stdout) == [nil])
    }
}
