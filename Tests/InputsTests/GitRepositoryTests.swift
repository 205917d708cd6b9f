import Foundation
import TestFixtures
import Testing

@testable import Inputs

/// The git plumbing under `staged` and `git`, run on real repositories.
@Suite struct GitRepositoryTests {
    @Test func diffIndexOutputIsSplitOnNULsOnly() throws {
        let output: [UInt8] =
            Array(":000000 100644 \(zeros) \(blobA) A".utf8) + [0]
            + Array("a b\n\"c\" -d".utf8) + [0xFF, 0]
            + Array(":100644 000000 \(blobA) \(zeros) D".utf8) + [0] + Array("gone".utf8) + [0]
        let changes = try StagedChange.parse(output)

        #expect(changes.count == 2)
        #expect(changes[0].path == Array("a b\n\"c\" -d".utf8) + [0xFF])
        #expect(changes[0].displayPath == #"a b\x0A"c" -d\xFF"#)
        #expect(changes[0].blobID == blobA && changes[0].mode == "100644")
        #expect(changes[1].isDeletion && !changes[1].isSubmodule)
    }

    @Test func malformedDiffIndexOutputIsAnError() {
        #expect(throws: GitError.self) { try StagedChange.parse(Array("garbage".utf8) + [0]) }
        #expect(throws: GitError.self) {
            try StagedChange.parse(Array(":000000 100644 \(zeros) \(blobA) A".utf8) + [0])
        }
    }

    @Test func workTreeRootIsTheTopFromASubfolderAndNilWhenBare() throws {
        let repository = TemporaryRepository()
        repository.write("sub/a.txt", "a\n")
        let bare = TemporaryRepository(arguments: ["--bare"])
        let top = URL(fileURLWithPath: repository.path).resolvingSymlinksInPath().path

        let root = try GitRepository(directory: repository.path + "/sub").workTreeRoot()

        #expect(root.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == top)
        #expect(try GitRepository(directory: bare.path).workTreeRoot() == nil)
    }

    @Test func headIsNilBeforeTheFirstCommit() throws {
        let repository = TemporaryRepository()
        let head = try GitRepository(directory: repository.path).head()

        #expect(head.head == nil)
        #expect(head.emptyTree == GitRepository.emptyTreeSHA1)
    }

    @Test func sha256RepositoriesUseTheirOwnEmptyIDs() throws {
        let repository = TemporaryRepository(arguments: ["--object-format=sha256"])
        repository.write("a.txt", "a\n")
        repository.git("add", "a.txt")
        let git = GitRepository(directory: repository.path)
        let (head, changes) = try git.stagedChanges()

        #expect(head.emptyTree == GitRepository.emptyTreeSHA256)
        #expect(changes.map(\.blobID.count) == [64])
    }

    @Test func objectReaderReadsBlobsAndSaysWhichAreMissing() throws {
        let repository = TemporaryRepository()
        repository.tree.write("bin", bytes: [0, 10, 255, 10])
        repository.write("empty", "")
        repository.git("add", ".")
        let git = GitRepository(directory: repository.path)
        let changes = try git.stagedChanges().changes
        let reader = try GitObjectReader(repository: git)

        #expect(try reader.read(changes[0].blobID)?.bytes == [0, 10, 255, 10])
        #expect(try reader.read(changes[1].blobID)?.bytes == [])
        #expect(try reader.read(String(repeating: "1", count: 40)) == nil)
        #expect(try reader.read(changes[0].blobID)?.type == "blob")
        try reader.close()
    }

    @Test func manyObjectsAreReadInOrderWithMissingAndEmptyOnes() throws {
        let repository = TemporaryRepository()
        for index in 0..<300 { repository.write("f\(index).txt", "file \(index)\n") }
        repository.write("empty", "")
        repository.git("add", ".")
        let git = GitRepository(directory: repository.path)
        let changes = try git.stagedChanges().changes
        let missing = String(repeating: "2", count: 40)
        let ids = changes.map(\.blobID) + [missing] + changes.prefix(3).map(\.blobID)
        let reader = try GitObjectReader(repository: git)

        var seen: [(Int, [UInt8]?)] = []
        try reader.read(ids) { index, object in seen.append((index, object?.bytes)) }
        try reader.close()

        #expect(seen.map(\.0) == Array(ids.indices))
        #expect(seen[changes.count].1 == nil)
        let texts = seen.compactMap { $0.1 }.map { String(decoding: $0, as: UTF8.self) }
        #expect(texts.filter(\.isEmpty).count == ids.filter { $0 == blobEmpty }.count)
        #expect(Set(texts.filter { !$0.isEmpty }).count == 300)
        #expect(texts.count == ids.count - 1)
    }

    @Test func gitFailuresCarryGitsMessage() throws {
        let folder = TemporaryTree()
        let git = GitRepository(directory: folder.path + "/missing")

        let error = #expect(throws: GitError.self) { try git.head() }
        #expect(error?.message.contains("git rev-parse failed (exit 128)") == true)
        #expect(error?.message.contains("cannot change to") == true)
    }

    @Test func unknownRevisionsAreNilAndKnownOnesResolve() throws {
        let repository = TemporaryRepository()
        repository.write("a.txt", "a\n")
        repository.commitAll("one")
        let git = GitRepository(directory: repository.path)

        #expect(try git.commit("no-such-branch") == nil)
        #expect(try git.commit("--all") == nil)
        #expect(try git.commit("main") == git.head().head)
        #expect(try git.isShallow() == false)
    }

    private let zeros = String(repeating: "0", count: 40)
    private let blobEmpty = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    private let blobA = "78981922613b2afb6025042ff6bd878ac1994e85"
}
