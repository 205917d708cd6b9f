import Foundation
import TestFixtures
import Testing

/// `pasbyscan git` on real histories: every blob once, ranges, merges, shallow clones.
@Suite struct GitCommandTests {
    typealias Fake = FakeCredentials

    /// Runs `pasbyscan git arguments...` in `repository` without global git config.
    static func history(_ repository: TemporaryRepository, _ arguments: [String] = [])
        throws -> BinaryRun
    {
        try BinaryRun(
            ["git"] + arguments, in: repository.path,
            environment: TemporaryRepository.environment)
    }

    static func id(_ repository: TemporaryRepository, _ revision: String) -> String {
        repository.git("rev-parse", revision).trimmingCharacters(in: .newlines)
    }

    /// Commits with a fixed author time, so reports can be checked for it.
    static func commit(_ repository: TemporaryRepository, _ message: String, time: Int) {
        repository.git("add", "-A")
        repository.git(
            ["commit", "-q", "--no-verify", "-m", message],
            environment: ["GIT_AUTHOR_DATE": "@\(time) +0200", "GIT_COMMITTER_DATE": "@\(time)"])
    }

    @Test func secretAddedThenDeletedIsFoundByGitNotByScan() throws {
        let repository = TemporaryRepository()
        repository.write("README", "hello\n")
        Self.commit(repository, "start", time: 1_700_000_000)
        repository.write("deploy/prod.env", "KEY=\(Fake.liveKey)\n")
        Self.commit(repository, "oops", time: 1_700_000_100)
        try FileManager.default.removeItem(atPath: repository.path + "/deploy/prod.env")
        Self.commit(repository, "remove the key", time: 1_700_000_200)

        let scan = try BinaryRun(["scan", "."], in: repository.path)
        let history = try Self.history(repository)

        #expect(scan.status == 0)
        #expect(history.status == 1)
        #expect(history.stdout.hasPrefix("deploy/prod.env:1:5: critical: "))
        let introduced = Self.id(repository, "HEAD~1")
        let blob = Self.id(repository, "HEAD~1:deploy/prod.env")
        #expect(history.stdout.contains("  commit:      \(introduced) (2023-11-14T22:15:00Z)"))
        #expect(history.stdout.contains("  blob:        \(blob)"))
        #expect(history.stderr.contains("scanned 2 files"))
    }

    /// Regression: a blob was reported at one path only, so an allowed copy of a key hid the
    /// same key elsewhere, and a moved file was reported only at its old path.
    @Test func sameKeyAtSeveralPathsIsReportedAtEachAndAllowedPathsApplyPerPath() throws {
        let repository = TemporaryRepository()
        repository.write(".pasbyscan.yaml", "allow:\n  paths:\n    - \"Tests/Fixtures/**\"\n")
        Self.commit(repository, "config", time: 1_700_000_000)
        let base = Self.id(repository, "HEAD")
        repository.write("Tests/Fixtures/fake.env", "k=\(Fake.liveKey)\n")
        repository.write("src/prod.env", "k=\(Fake.liveKey)\n")
        Self.commit(repository, "both", time: 1_700_000_100)
        repository.git("mv", "src/prod.env", "src/moved.env")
        Self.commit(repository, "move", time: 1_700_000_200)

        let run = try Self.history(repository, ["--config", ".pasbyscan.yaml", "--since", base])

        #expect(run.status == 1)
        let headers = run.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(headers.count == 2)
        #expect(headers.first?.hasPrefix("src/moved.env:1:3: critical") == true)
        #expect(headers.last?.hasPrefix("src/prod.env:1:3: critical") == true)
        #expect(run.stdout.contains("  commit:      \(Self.id(repository, "HEAD"))"))
        #expect(run.stderr.contains("1 allowed by config"))
    }

    @Test func aSecretKeptOverManyCommitsIsReportedOnceFromItsFirstCommit() throws {
        let repository = TemporaryRepository()
        for version in 0..<5 {
            repository.write("app.env", "VERSION=\(version)\nKEY=\(Fake.testKey)\n")
            Self.commit(repository, "version \(version)", time: 1_700_000_000 + version)
        }
        let run = try Self.history(repository, ["--format", "json"])

        #expect(run.status == 1)
        #expect(run.stdout.components(separatedBy: #""rule" : "pasby.api-key.test""#).count == 2)
        #expect(run.stdout.contains(#""commit" : ""# + Self.id(repository, "HEAD~4") + "\""))
        #expect(run.stderr.contains("scanned 5 files"))
    }

    @Test func rangesScanOnlyTheBlobsNewInThem() throws {
        let repository = TemporaryRepository()
        repository.write("old.env", "KEY=\(Fake.liveKey)\n")
        repository.commitAll("old key, accepted long ago")
        let base = Self.id(repository, "HEAD")
        repository.write("new.env", "SECRET=\(Fake.sandboxSecret)\n")
        repository.commitAll("new secret")

        let range = try Self.history(repository, ["\(base)..HEAD"])
        let since = try Self.history(repository, ["--since", base])
        let empty = try Self.history(repository, ["HEAD..HEAD"])
        let all = try Self.history(repository, ["--all"])

        #expect(range.status == 1)
        #expect(range.stdout.hasPrefix("new.env:1:8: medium: "))
        #expect(!range.stdout.contains("old.env"))
        #expect(range.stderr.contains("scanned 1 file "))
        #expect(since.stdout == range.stdout)
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("no blobs to scan"))
        #expect(all.stdout.contains("old.env") && all.stdout.contains("new.env"))
    }

    @Test func aSecretOnlyInAMergeResolutionIsFound() throws {
        let repository = TemporaryRepository()
        repository.write("settings.env", "MODE=start\n")
        repository.commitAll("start")
        repository.git("checkout", "-q", "-b", "feature")
        repository.write("settings.env", "MODE=feature\n")
        repository.commitAll("feature")
        repository.git("checkout", "-q", "main")
        repository.write("settings.env", "MODE=main\n")
        repository.commitAll("main")
        let base = Self.id(repository, "HEAD")
        #expect(repository.tryGit(["merge", "-q", "feature"]).status != 0)
        repository.write("settings.env", "MODE=merged\nKEY=\(Fake.liveKey)\n")
        repository.git("add", "settings.env")
        repository.git("commit", "-q", "--no-verify", "--no-edit")

        let all = try Self.history(repository)
        let range = try Self.history(repository, ["\(base)..main"])

        #expect(all.status == 1)
        #expect(all.stdout.contains("settings.env:2:5: critical: "))
        #expect(all.stdout.contains("  commit:      \(Self.id(repository, "HEAD"))"))
        #expect(range.status == 1)
        #expect(range.stdout == all.stdout)
    }

    @Test func shallowCloneScannedInFullIsIncomplete() throws {
        let origin = TemporaryRepository()
        origin.write("old.env", "KEY=\(Fake.liveKey)\n")
        origin.commitAll("old")
        try FileManager.default.removeItem(atPath: origin.path + "/old.env")
        origin.write("README", "hello\n")
        origin.commitAll("clean")
        let folder = TemporaryTree()
        let clone = TemporaryRepository(existing: folder)
        clone.git("clone", "-q", "--depth", "1", "file://" + origin.path, ".")

        let full = try Self.history(clone)
        let range = try Self.history(clone, ["HEAD~1..HEAD"])

        #expect(full.status == 2)
        #expect(full.stderr.contains("this is a shallow clone"))
        #expect(full.stderr.contains("skipped 1 (shallow history: 1)"))
        #expect(range.status == 64)
        #expect(range.stderr.contains(#"range base "HEAD~1" is not a commit"#))
        #expect(range.stderr.contains("shallow clone"))
    }

    @Test func missingRangeEndsAreUsageErrorsNamingThem() throws {
        let repository = TemporaryRepository()
        repository.write("a", "a\n")
        repository.commitAll("one")

        let base = try Self.history(repository, ["no-such-base..HEAD"])
        let head = try Self.history(repository, ["HEAD..no-such-head"])
        let since = try Self.history(repository, ["--since", "v9.9"])

        #expect(base.status == 64)
        #expect(base.stderr.contains(#"range base "no-such-base" is not a commit"#))
        #expect(head.status == 64)
        #expect(head.stderr.contains(#"range head "no-such-head""#))
        #expect(since.status == 64)
        #expect(since.stderr.contains(#""v9.9""#))
    }

    @Test(arguments: [["a...b"], ["HEAD"], ["--all", "a..b"], ["--follow-symlinks"]])
    func badScopesAreUsageErrors(_ arguments: [String]) throws {
        let repository = TemporaryRepository()
        let run = try Self.history(repository, arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains("usage: pasbyscan git"))
    }

    @Test func oddPathsAndTaggedBlobsAreShown() throws {
        let repository = TemporaryRepository()
        repository.write("dir with space/nøn-ascii.env", "KEY=\(Fake.testKey)\n")
        repository.commitAll("odd names")
        let blob = repository.git(
            ["hash-object", "-w", "--stdin"], input: "S=\(Fake.sandboxSecret)\n"
        )
        .trimmingCharacters(in: .newlines)
        repository.git("tag", "loose-blob", blob)

        let run = try Self.history(repository)

        #expect(run.status == 1)
        #expect(run.stdout.contains("dir with space/nøn-ascii.env:1:5: medium: "))
        #expect(run.stdout.contains("\(blob):1:3: medium: "))
    }

    @Test func aServiceFileZipInHistoryIsOpened() throws {
        let repository = TemporaryRepository()
        repository.write("deploy/README", "the service file\n")
        ZipMaker.make(
            repository.path + "/deploy/service.zip",
            members: [("config.json", Array(Fake.serviceConfig(live: true).utf8))])
        repository.commitAll("service file")
        repository.git("rm", "-q", "deploy/service.zip")
        repository.commitAll("removed")

        let run = try Self.history(repository)

        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "deploy/service.zip!config.json:5:25: critical: pasby organisation API key"))
        #expect(!run.stdout.contains("service.zip/!"))
    }

    @Test func allowedPathsApplyToHistoryPaths() throws {
        let repository = TemporaryRepository()
        repository.write("fixtures/keys.env", "KEY=\(Fake.liveKey)\n")
        repository.write("allow.yaml", "allow:\n  paths:\n    - \"fixtures/**\"\n")
        repository.commitAll("fixtures")

        let run = try Self.history(repository, ["--config", repository.path + "/allow.yaml"])

        #expect(run.status == 0)
        #expect(run.stderr.contains("1 allowed by config"))
    }

    @Test func outputIsTheSameWhateverTheThreadCount() throws {
        let repository = TemporaryRepository()
        for index in 0..<12 {
            repository.write(
                "svc\(index % 3)/config.json", Fake.serviceConfig(live: index % 2 == 0))
            repository.write("svc\(index % 3)/notes-\(index).txt", "note \(index)\n")
            repository.commitAll("commit \(index)")
        }
        let one = try Self.history(repository, ["--format", "json", "--threads", "1"])
        let many = try Self.history(repository, ["--format", "json", "--threads", "6"])

        #expect(one.status == 1)
        #expect(one.stdout == many.stdout)
    }

    @Test func aMissingObjectFailsClosed() throws {
        let repository = TemporaryRepository()
        repository.write("a.txt", "first\n")
        repository.commitAll("one")
        repository.write("a.txt", "second\n")
        repository.commitAll("two")
        let blob = Self.id(repository, "HEAD~1:a.txt")
        let object = "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"
        try FileManager.default.removeItem(atPath: repository.path + object)

        let run = try Self.history(repository)

        #expect(run.status == 2)
        #expect(run.stderr.contains(#""\#(blob)": object is missing from the repository"#))
        #expect(run.stderr.contains("unreadable: 1"))
    }

    @Test func outsideARepositoryItFailsClosed() throws {
        let folder = TemporaryTree()
        let run = try BinaryRun(
            ["git"], in: folder.path,
            environment: TemporaryRepository.environment.merging([
                "GIT_CEILING_DIRECTORIES": folder.root.deletingLastPathComponent().path
            ]) { $1 })
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a git repository"))
    }
}
