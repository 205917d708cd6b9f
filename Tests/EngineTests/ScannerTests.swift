import Engine
import Foundation
import Glibc
import ScanModel
import TestFixtures
import Testing

@Suite struct ScannerTests {
    typealias Fake = FakeCredentials

    /// A tree of many files, some with credentials, some with keys across chunk boundaries.
    static func makeTree() -> TemporaryTree {
        let tree = TemporaryTree()
        let filler = String(repeating: "lorem ipsum dolor sit amet, snb_uncore prd_id\n", count: 40)
        for folder in 0..<12 {
            for file in 0..<15 {
                var text = filler
                if (folder + file) % 4 == 0 { text += "key=\(Fake.liveKey)\n" }
                if (folder * file) % 7 == 3 { text += Fake.pem("EC PRIVATE KEY") + "\n" }
                if file % 5 == 1 { text += "secret=\(Fake.sandboxSecret)\n" }
                tree.write("d\(folder)/sub\(folder % 3)/f\(file).txt", text + filler)
            }
        }
        var large = ""
        while large.utf8.count < 300_000 {
            large += filler
            large += "\(Fake.testKey) " + Fake.pem("RSA PRIVATE KEY") + "\n"
        }
        tree.write("large/big.log", large)
        return tree
    }

    @Test func parallelScanEqualsSerialScan() {
        let tree = Self.makeTree()
        let serial = scan([tree.path], threads: 1).0
        let parallel = scan([tree.path], threads: 4).0

        #expect(serial.findings.count > 100)
        #expect(serial.findings == parallel.findings)
        #expect(serial.summary.filesScanned == parallel.summary.filesScanned)
        #expect(serial.summary.bytesScanned == parallel.summary.bytesScanned)
    }

    @Test func streamingThroughSmallChunksFindsWhatOneReadFinds() {
        let tree = Self.makeTree()
        let whole = scan([tree.path + "/large"], chunkBytes: 8 << 20).0
        let chunked = scan([tree.path + "/large"], chunkBytes: 1 << 16).0

        #expect(whole.findings.count > 20)
        #expect(chunked.findings == whole.findings)
    }

    @Test func longSingleLineWithMultibyteTextGivesSameColumnsWhenStreamed() {
        let tree = TemporaryTree()
        var line = ""
        while line.utf8.count < 400_000 {
            line += "nøkkel 🔑 \u{2028} \r " + Fake.liveKey + " ₿ "
        }
        tree.write("one.line", line)
        let whole = scan([tree.path], chunkBytes: 8 << 20).0
        let chunked = scan([tree.path], chunkBytes: 1 << 16).0

        #expect(whole.findings.count > 1000)
        #expect(whole.findings.allSatisfy { $0.location.startLine == 1 })
        #expect(chunked.findings == whole.findings)
    }

    @Test func gitInternalsAreSkippedButIgnoredFilesAreScanned() {
        let tree = TemporaryTree()
        tree.write(".git/objects/leak", "K=\(Fake.testKey)\n")
        tree.write(".gitignore", "build/\n.env\n")
        tree.write("build/out.js", "K=\(Fake.testKey)\n")
        tree.write(".env", "K=\(Fake.testKey)\n")

        let (result, _) = scan([tree.path])

        #expect(
            result.findings.map(\.location.path) == [
                tree.path + "/.env", tree.path + "/build/out.js",
            ])
        #expect(result.summary.skipped[.gitInternals] == 1)
    }

    @Test func symlinksLoopsAndSpecialFilesAreCountedNotFatal() throws {
        let tree = TemporaryTree()
        tree.write("real/k.txt", "K=\(Fake.testKey)\n")
        tree.link("real/loop", to: "..")
        tree.link("real/broken", to: "missing")
        tree.link("alias.txt", to: "real/k.txt")
        #expect(mkfifo(tree.path + "/fifo", 0o600) == 0)

        let (plain, _) = scan([tree.path])
        #expect(plain.findings.count == 1)
        #expect(plain.summary.skipped[.symlink] == 3)
        #expect(plain.summary.skipped[.notRegularFile] == 1)
        #expect(!plain.summary.isIncomplete)

        let (followed, warnings) = scan([tree.path], followsSymlinks: true)
        #expect(followed.findings.count == 2)
        #expect(followed.summary.skipped[.symlinkLoop] == 1)
        #expect(followed.summary.skipped[.brokenSymlink] == 1)
        #expect(followed.summary.isIncomplete)
        #expect(warnings.contains { $0.path.hasSuffix("real/broken") })
    }

    @Test func missingRootIsIncompleteWithWarning() {
        let (result, warnings) = scan(["/nonexistent/pasbyscan/path"])
        #expect(result.summary.filesScanned == 0)
        #expect(result.summary.isIncomplete)
        #expect(warnings.first?.message.contains("no such file or directory") == true)
    }
}

/// Tests that change the working directory, one at a time.
@Suite(.serialized) struct WorkingDirectoryTests {
    typealias Fake = FakeCredentials

    func inDirectory<T>(_ path: String, _ body: () -> T) -> T {
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return body()
    }

    @Test func reportedPathsAreRelativeToTheRootAsGiven() throws {
        let tree = TemporaryTree()
        tree.write("a/b c/config.env", "K=\(Fake.testKey)\n")

        for root in [".", "./a", "a/", "a"] {
            let paths = inDirectory(tree.path) { scan([root]).0.findings.map(\.location.path) }
            #expect(paths == ["a/b c/config.env"], "root \(root)")
        }
    }

    @Test func allowedPathsDropFindingsAndCountThem() {
        let tree = TemporaryTree()
        tree.write("Tests/Fixtures/config.json", Fake.serviceConfig(live: true))
        tree.write("src/app.env", "K=\(Fake.testKey)\n")

        for root in [".", "./", tree.path, tree.path + "/"] {
            let (result, _) = inDirectory(tree.path) {
                scan([root], allowed: ["Tests/Fixtures/**"])
            }
            #expect(result.findings.count == 1, "root \(root)")
            #expect(result.findings.first?.location.path.hasSuffix("src/app.env") == true)
            #expect(result.summary.allowedFindings == 5, "root \(root)")
        }
    }
}

@Suite struct DeepTreeTests {
    /// Regression: folders nested deeper than PATH_MAX were skipped as unreadable.
    @Test func folderDeeperThanPathMaxIsScanned() throws {
        let tree = TemporaryTree()
        defer {
            let remover = Process()
            remover.executableURL = URL(fileURLWithPath: "/bin/rm")
            remover.arguments = ["-rf", tree.path + "/dd"]
            try? remover.run()
            remover.waitUntilExit()
        }
        var folder = open(tree.path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<2500 {
            #expect(mkdirat(folder, "dd", 0o755) == 0)
            let next = openat(folder, "dd", O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        let file = openat(folder, "k.env", O_CREAT | O_WRONLY, 0o644)
        let text = Array("K=\(FakeCredentials.liveKey)\n".utf8)
        _ = text.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
        close(folder)

        let (result, _) = scan([tree.path])

        #expect(result.findings.map(\.ruleID) == ["pasby.api-key.live"])
        #expect(result.findings.first.map { $0.location.path.utf8.count > 5000 } == true)
        #expect(!result.summary.isIncomplete)
    }
}
