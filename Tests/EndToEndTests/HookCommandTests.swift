import Foundation
import TestFixtures
import Testing

/// `pasbyscan hook install | uninstall`, checked by running `git commit` through the hook.
@Suite struct HookCommandTests {
    typealias Fake = FakeCredentials

    static let foreignHook = "#!/bin/sh\necho \"foreign hook ran\" > foreign-ran.txt\n"

    static func hook(_ repository: TemporaryRepository, _ arguments: [String]) throws -> BinaryRun {
        try BinaryRun(
            ["hook"] + arguments, in: repository.path,
            environment: TemporaryRepository.environment)
    }

    static func hookFile(_ repository: TemporaryRepository, _ name: String = "pre-commit")
        -> String
    {
        repository.path + "/.git/hooks/" + name
    }

    static func contents(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// A repository with one clean commit and a foreign pre-commit hook when asked.
    static func repository(withForeignHook: Bool = false) throws -> TemporaryRepository {
        let repository = TemporaryRepository()
        repository.write("app.env", "MODE=demo\n")
        repository.commitAll("start")
        if withForeignHook {
            let path = hookFile(repository)
            try foreignHook.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return repository
    }

    /// Tries `git commit -a` with a production key in a tracked file; the commit's status.
    static func commitAllWithKey(_ repository: TemporaryRepository) -> Int32 {
        repository.write("app.env", "MODE=demo\nKEY=\(Fake.liveKey)\n")
        return repository.tryGit(["commit", "-q", "-a", "-m", "add a key"]).status
    }

    @Test func freshInstallBlocksACommitAllWithAKey() throws {
        let repository = try Self.repository()
        let install = try Self.hook(repository, ["install"])

        #expect(install.status == 0)
        #expect(
            install.stderr.contains("installed the pre-commit hook at \".git/hooks/pre-commit\""))
        let script = try #require(Self.contents(Self.hookFile(repository)))
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains("\n# pasbyscan-hook: "))
        #expect(FileManager.default.isExecutableFile(atPath: Self.hookFile(repository)))

        #expect(Self.commitAllWithKey(repository) != 0)
        #expect(repository.git("rev-list", "--count", "HEAD") == "1\n")
        repository.write("app.env", "MODE=live\n")
        #expect(repository.tryGit(["commit", "-q", "-a", "-m", "clean"]).status == 0)
    }

    @Test func installingTwiceRewritesItsOwnHook() throws {
        let repository = try Self.repository()
        #expect(try Self.hook(repository, ["install"]).status == 0)
        #expect(try Self.hook(repository, ["install"]).status == 0)
        #expect(Self.commitAllWithKey(repository) != 0)
    }

    @Test func foreignHookIsNotReplacedWithoutForce() throws {
        let repository = try Self.repository(withForeignHook: true)
        let run = try Self.hook(repository, ["install"])

        #expect(run.status == 1)
        #expect(run.stderr.contains("pasbyscan did not write"))
        #expect(run.stderr.contains("--chain") && run.stderr.contains("--force"))
        #expect(Self.contents(Self.hookFile(repository)) == Self.foreignHook)
    }

    @Test func forceReplacesAForeignHookAndKeepsACopy() throws {
        let repository = try Self.repository(withForeignHook: true)
        let run = try Self.hook(repository, ["install", "--force"])

        #expect(run.status == 0)
        #expect(
            Self.contents(Self.hookFile(repository, "pre-commit.pasbyscan-backup"))
                == Self.foreignHook)
        #expect(Self.commitAllWithKey(repository) != 0)
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/foreign-ran.txt"))
    }

    /// Regression: a second --force overwrote the first backup, losing the user's hook.
    @Test func secondForceKeepsTheFirstBackup() throws {
        let repository = try Self.repository(withForeignHook: true)
        #expect(try Self.hook(repository, ["install", "--force"]).status == 0)
        let second = "#!/bin/sh\nexit 0\n"
        try second.write(toFile: Self.hookFile(repository), atomically: true, encoding: .utf8)

        let run = try Self.hook(repository, ["install", "--force"])

        #expect(run.status == 0)
        #expect(
            Self.contents(Self.hookFile(repository, "pre-commit.pasbyscan-backup"))
                == Self.foreignHook)
        #expect(Self.contents(Self.hookFile(repository, "pre-commit.pasbyscan-backup.2")) == second)
    }

    @Test func chainRunsTheForeignHookAndUninstallRestoresIt() throws {
        let repository = try Self.repository(withForeignHook: true)
        #expect(try Self.hook(repository, ["install", "--chain"]).status == 0)

        #expect(Self.commitAllWithKey(repository) != 0)
        #expect(FileManager.default.fileExists(atPath: repository.path + "/foreign-ran.txt"))

        let uninstall = try Self.hook(repository, ["uninstall"])
        #expect(uninstall.status == 0)
        #expect(uninstall.stderr.contains("the chained hook is back in its place"))
        #expect(Self.contents(Self.hookFile(repository)) == Self.foreignHook)
        #expect(
            !FileManager.default.fileExists(
                atPath: Self.hookFile(repository, "pre-commit.pasbyscan-chained")))
    }

    @Test func uninstallRemovesOnlyItsOwnHook() throws {
        let foreign = try Self.repository(withForeignHook: true)
        let refused = try Self.hook(foreign, ["uninstall"])
        #expect(refused.status == 1)
        #expect(Self.contents(Self.hookFile(foreign)) == Self.foreignHook)

        let own = try Self.repository()
        #expect(try Self.hook(own, ["install"]).status == 0)
        #expect(try Self.hook(own, ["uninstall"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: Self.hookFile(own)))
        let again = try Self.hook(own, ["uninstall"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing to do"))
    }

    @Test func coreHooksPathIsWhereTheHookGoes() throws {
        let repository = try Self.repository()
        repository.git("config", "core.hooksPath", "team-hooks")

        #expect(try Self.hook(repository, ["install"]).status == 0)
        #expect(isExecutable(repository.path + "/team-hooks/pre-commit"))
        #expect(!isExecutable(Self.hookFile(repository)))
        #expect(Self.commitAllWithKey(repository) != 0)
    }

    @Test func linkedWorktreeInstallsInTheSharedHooksFolder() throws {
        let repository = try Self.repository()
        let other = TemporaryTree()
        repository.git("worktree", "add", "-q", "-b", "side", other.path + "/wt")

        let run = try BinaryRun(
            ["hook", "install"], in: other.path + "/wt",
            environment: TemporaryRepository.environment)

        #expect(run.status == 0)
        #expect(isExecutable(Self.hookFile(repository)))
    }

    @Test func outsideARepositoryItFails() throws {
        let folder = TemporaryTree()
        let run = try BinaryRun(
            ["hook", "install"], in: folder.path,
            environment: TemporaryRepository.environment.merging([
                "GIT_CEILING_DIRECTORIES": folder.root.deletingLastPathComponent().path
            ]) { $1 })
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a git repository"))
    }

    @Test(arguments: [[], ["install", "--nope"], ["uninstall", "--force"], ["remove"]])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let repository = try Self.repository()
        let run = try Self.hook(repository, arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains("usage: pasbyscan hook install"))
    }
}

private func isExecutable(_ path: String) -> Bool {
    FileManager.default.isExecutableFile(atPath: path)
}
