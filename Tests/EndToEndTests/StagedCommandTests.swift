import Foundation
import TestFixtures
import Testing

/// `pasbyscan staged` on real repositories: it reads the index, never the work tree.
@Suite struct StagedCommandTests {
    typealias Fake = FakeCredentials

    /// Runs `pasbyscan staged arguments...` in `repository` without global git config.
    static func staged(
        _ repository: TemporaryRepository, _ arguments: [String] = [],
        environment: [String: String] = [:]
    ) throws -> BinaryRun {
        try BinaryRun(
            ["staged"] + arguments, in: repository.path,
            environment: TemporaryRepository.environment.merging(environment) { $1 })
    }

    static func repositoryWithCleanCommit() -> TemporaryRepository {
        let repository = TemporaryRepository()
        repository.write("app/settings.env", "MODE=demo\n")
        repository.commitAll("clean start")
        return repository
    }

    @Test func keyStagedThenRemovedFromTheWorkTreeStillBlocks() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.write("app/settings.env", "MODE=demo\nKEY=\(Fake.liveKey)\n")
        repository.git("add", "app/settings.env")
        repository.write("app/settings.env", "MODE=demo\n")

        let run = try Self.staged(repository)

        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("app/settings.env:2:5: critical: "))
        #expect(!run.stdout.contains(Fake.liveKey))
        #expect(run.stderr.contains("pasbyscan: scanned 1 file (87 bytes)"))
    }

    @Test func keyOnlyInTheWorkTreeDoesNotBlock() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.write("app/settings.env", "KEY=\(Fake.liveKey)\n")
        repository.write("untracked.env", "KEY=\(Fake.liveKey)\n")
        repository.write("notes.txt", "nothing secret\n")
        repository.git("add", "notes.txt")

        let run = try Self.staged(repository)

        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("pasbyscan: scanned 1 file (15 bytes)"))
    }

    @Test func commitAllIndexComesFromGitIndexFile() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.write("app/settings.env", "KEY=\(Fake.productionSecret)\n")
        let index = repository.path + "/.git/commit-all-index"
        try FileManager.default.copyItem(atPath: repository.path + "/.git/index", toPath: index)
        repository.git(["add", "-u"], environment: ["GIT_INDEX_FILE": index])

        let withIndex = try Self.staged(repository, environment: ["GIT_INDEX_FILE": index])
        let withoutIndex = try Self.staged(repository)

        #expect(withIndex.status == 1)
        #expect(withIndex.stdout.contains("app/settings.env:1:5: critical: pasby app secret"))
        #expect(withoutIndex.status == 0)
        #expect(withoutIndex.stderr.contains("nothing staged to scan"))
    }

    @Test func firstCommitIsComparedWithTheEmptyTree() throws {
        let repository = TemporaryRepository()
        repository.write("config.json", Fake.serviceConfig(live: false))
        repository.write("README", "hello\n")
        repository.git("add", ".")

        let run = try Self.staged(repository, ["--format", "json"])

        #expect(run.status == 1)
        #expect(run.stdout.contains(#""path" : "config.json""#))
        #expect(run.stdout.contains(#""rule" : "pasby.api-key.test""#))
        #expect(run.stderr.contains("scanned 2 files"))
    }

    @Test func renameOnlyCommitScansTheFileUnderItsNewPath() throws {
        let repository = TemporaryRepository()
        repository.write("old/name.txt", "nothing secret\n")
        repository.write("old/key.env", "KEY=\(Fake.testKey)\n")
        repository.commitAll("start")
        repository.git("mv", "old", "new")

        let run = try Self.staged(repository, ["--fail-on", "never"])

        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("new/key.env:1:5: medium: "))
        #expect(!run.stdout.contains("old/"))
        #expect(run.stderr.contains("scanned 2 files"))
    }

    @Test func nothingStagedScansNothingAndSaysSo() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.write("app/settings.env", "KEY=\(Fake.liveKey)\n")

        let text = try Self.staged(repository)
        let json = try Self.staged(repository, ["--format", "json"])

        #expect(text.status == 0)
        #expect(text.stdout.isEmpty)
        #expect(text.stderr.contains("pasbyscan: nothing staged to scan"))
        #expect(text.stderr.contains("scanned 0 files"))
        #expect(json.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        #expect((report as? [String: Any])?["findings"] as? [Any] != nil)
        #expect(((report as? [String: Any])?["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func deletionsAreNotScanned() throws {
        let repository = TemporaryRepository()
        repository.write("old.env", "KEY=\(Fake.liveKey)\n")
        repository.commitAll("a key, allowed at the time")
        repository.git("rm", "-q", "old.env")

        let run = try Self.staged(repository)

        #expect(run.status == 0)
        #expect(run.stderr.contains("nothing staged to scan"))
    }

    struct OddName: CustomTestStringConvertible, Sendable {
        let name: String
        let shown: String
        var testDescription: String { shown }
    }

    @Test(arguments: [
        OddName(name: "with space.env", shown: "with space.env"),
        OddName(name: "quote\"and'apostrophe.env", shown: "quote\"and'apostrophe.env"),
        OddName(name: "new\nline.env", shown: "new\\x0Aline.env"),
        OddName(name: "tab\there.env", shown: "tab\\x09here.env"),
        OddName(name: "nøn-ascii-配置.env", shown: "nøn-ascii-配置.env"),
        OddName(name: "-leading-dash.env", shown: "-leading-dash.env"),
        OddName(name: "back\\slash.env", shown: "back\\slash.env"),
    ])
    func oddFileNamesAreReadAndShown(_ odd: OddName) throws {
        let repository = TemporaryRepository()
        repository.write("dir/" + odd.name, "KEY=\(Fake.liveKey)\n")
        repository.git("add", "--", "dir")

        let run = try Self.staged(repository, ["-v"])

        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("dir/\(odd.shown):1:5: critical: "))
        #expect(run.stderr.contains("scanned 1 file"))
    }

    @Test func symlinkIsScannedAsItsLinkTextAndNeverFollowed() throws {
        let outside = TemporaryTree()
        outside.write("secret.env", "KEY=\(Fake.liveKey)\n")
        let repository = TemporaryRepository()
        repository.tree.link("to-secret.env", to: outside.path + "/secret.env")
        repository.git("add", "to-secret.env")
        #expect(try Self.staged(repository).status == 0)

        repository.tree.link("named-like-a-key", to: "KEY=\(Fake.liveKey)")
        repository.git("add", "named-like-a-key")
        let run = try Self.staged(repository)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("named-like-a-key:1:5: critical: "))
    }

    @Test func submoduleEntriesAreSkippedAndCounted() throws {
        let repository = Self.repositoryWithCleanCommit()
        let commit = repository.git("rev-parse", "HEAD").trimmingCharacters(in: .newlines)
        repository.git("update-index", "--add", "--cacheinfo", "160000,\(commit),vendor/lib")

        let run = try Self.staged(repository, ["-v"])

        #expect(run.status == 0)
        #expect(run.stderr.contains(#"warning: "vendor/lib": submodule (skipped)"#))
        #expect(run.stderr.contains("skipped 1 (submodule: 1)"))
    }

    @Test func binaryAndNoDiffFilesAreScannedByTheirBytes() throws {
        let repository = TemporaryRepository()
        repository.write(".gitattributes", "*.bin binary\n*.env -diff\n")
        repository.tree.write("app.bin", bytes: [0, 1, 2] + Array("k=\(Fake.liveKey)".utf8) + [0])
        repository.write("prod.env", "S=\(Fake.productionSecret)\n")
        repository.git("add", ".")

        let run = try Self.staged(repository)

        #expect(run.status == 1)
        #expect(run.stdout.contains("app.bin:1:6: critical: "))
        #expect(run.stdout.contains("byte offset: 5 (binary file)"))
        #expect(run.stdout.contains("prod.env:1:3: critical: "))
    }

    @Test func runFromASubfolderItReportsPathsFromTheTop() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.write("app/settings.env", "KEY=\(Fake.liveKey)\n")
        repository.git("add", "app/settings.env")

        let run = try BinaryRun(
            ["staged"], in: repository.path + "/app", environment: TemporaryRepository.environment)

        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("app/settings.env:1:5: critical: "))
    }

    @Test func linkedWorktreeWithGitFileIsRead() throws {
        let repository = Self.repositoryWithCleanCommit()
        let worktree = TemporaryTree()
        let folder = worktree.path + "/linked"
        repository.git("worktree", "add", "-q", "-b", "side", folder)
        let linked = TemporaryRepository(existing: worktree)
        linked.write("linked/app/settings.env", "KEY=\(Fake.liveKey)\n")
        linked.git("-C", "linked", "add", "app/settings.env")

        let run = try BinaryRun(
            ["staged"], in: folder, environment: TemporaryRepository.environment)

        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("app/settings.env:1:5: critical: "))
    }

    @Test func unmergedPathsMakeTheScanIncomplete() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.git("checkout", "-q", "-b", "other")
        repository.write("app/settings.env", "MODE=other\n")
        repository.commitAll("other")
        repository.git("checkout", "-q", "main")
        repository.write("app/settings.env", "MODE=main\n")
        repository.commitAll("main")
        #expect(repository.tryGit(["merge", "-q", "other"]).status != 0)

        let run = try Self.staged(repository)

        #expect(run.status == 2)
        #expect(run.stderr.contains(#""app/settings.env": unmerged (skipped)"#))
    }

    @Test func outsideARepositoryItFailsClosed() throws {
        let folder = TemporaryTree()
        folder.write("k.env", "KEY=\(Fake.liveKey)\n")

        let run = try BinaryRun(
            ["staged"], in: folder.path,
            environment: TemporaryRepository.environment.merging([
                "GIT_CEILING_DIRECTORIES": folder.root.deletingLastPathComponent().path
            ]) { $1 })

        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("not a git repository"))
        #expect(run.stderr.contains("nothing was scanned"))
    }

    @Test func unreadableIndexFailsClosed() throws {
        let repository = Self.repositoryWithCleanCommit()
        repository.write("broken-index", "this is not an index file\n")

        let run = try Self.staged(
            repository, environment: ["GIT_INDEX_FILE": repository.path + "/broken-index"])

        #expect(run.status == 2)
        #expect(run.stderr.contains("pasbyscan: error: staged: cannot read what is staged"))
    }

    @Test func reportOptionsWorkAsInScan() throws {
        let repository = TemporaryRepository()
        repository.write("k.env", "KEY=\(Fake.testKey)\n")
        repository.git("add", ".")
        let report = repository.path + "/.git/report.sarif"

        let quiet = try Self.staged(repository, ["-q", "--fail-on", "critical"])
        let sarif = try Self.staged(repository, ["--format=sarif", "--output", report])
        let shown = try Self.staged(repository, ["--show-secrets"])

        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.isEmpty)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains(#""uri" : "k.env""#))
        #expect(shown.stdout.contains(Fake.testKey))
    }

    @Test(arguments: [["some/path"], ["--follow-symlinks"], ["--nope"]])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let repository = TemporaryRepository()
        let run = try Self.staged(repository, arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains("usage: pasbyscan staged"))
    }
}
