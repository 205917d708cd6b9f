import Foundation
import ScanModel
import TestFixtures
import Testing

@Suite struct ArchiveTests {
    typealias Fake = FakeCredentials

    static let serviceMembers: [(String, [UInt8])] = [
        ("config.json", Array(Fake.serviceConfig(live: true).utf8)),
        ("communication.pem", Array((Fake.pem("RSA PRIVATE KEY") + "\n").utf8)),
    ]

    @Test func deflatedServiceFileIsScannedMemberByMember() throws {
        let tree = TemporaryTree()
        ZipMaker.make(tree.path + "/service.zip", members: Self.serviceMembers)

        let (result, warnings) = scan([tree.path])
        let key = try #require(
            result.findings.first { $0.location.path.hasSuffix("service.zip!communication.pem") })

        #expect(warnings.isEmpty)
        #expect(result.findings.count == 6)
        #expect(result.findings.allSatisfy { $0.location.path.contains("service.zip!") })
        #expect(key.environment == .production)
        #expect(key.evidence?.path.hasSuffix("service.zip!config.json") == true)
    }

    @Test func archiveGivenAsTheRootShowsMembersWithoutASlash() {
        let tree = TemporaryTree()
        ZipMaker.make(tree.path + "/service.zip", members: Self.serviceMembers)

        let paths = Set(scan([tree.path + "/service.zip"]).0.findings.map(\.location.path))

        #expect(
            paths == [
                tree.path + "/service.zip!config.json",
                tree.path + "/service.zip!communication.pem",
            ])
    }

    @Test func storedArchiveIsNotReportedTwice() {
        let tree = TemporaryTree()
        ZipMaker.make(tree.path + "/stored.zip", members: Self.serviceMembers, stored: true)

        let findings = scan([tree.path]).0.findings

        #expect(findings.count == 6)
        #expect(findings.allSatisfy { $0.location.path.contains("stored.zip!") })
    }

    @Test func damagedArchiveIsScannedAsBytesAndMakesTheScanIncomplete() {
        let tree = TemporaryTree()
        tree.write("broken.zip", "PK\u{03}\u{04}garbage K=\(Fake.liveKey)\n")

        let (result, warnings) = scan([tree.path])

        #expect(result.findings.map(\.ruleID) == ["pasby.api-key.live"])
        #expect(result.summary.skipped[.archiveMember] == 1)
        #expect(result.summary.isIncomplete)
        #expect(warnings.first?.message.contains("not read as a zip archive") == true)
    }

    @Test func memberLargerThanTheLimitIsNotInflated() {
        let tree = TemporaryTree()
        let huge = [UInt8](repeating: 0x41, count: (64 << 20) + 1)
        ZipMaker.make(
            tree.path + "/bomb.zip",
            members: [("big.txt", huge), ("k.env", Array("K=\(Fake.testKey)\n".utf8))])

        let (result, warnings) = scan([tree.path])

        #expect(result.findings.map(\.location.path).allSatisfy { $0.hasSuffix("bomb.zip!k.env") })
        #expect(result.findings.count == 1)
        #expect(warnings.contains { $0.message.contains("larger than 67108864 bytes") })
        #expect(result.summary.isIncomplete)
    }

    @Test func archivesNestFourDeepThenCountAsUnread() throws {
        let tree = TemporaryTree()
        var bytes = Array("K=\(Fake.liveKey)\n".utf8)
        var name = "k.env"
        for level in 1...5 {
            let path = tree.path + "/level\(level).zip"
            ZipMaker.make(path, members: [(name, bytes)])
            bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            name = "level\(level).zip"
            if level < 5 { try FileManager.default.removeItem(atPath: path) }
        }

        let (result, warnings) = scan([tree.path])

        #expect(result.findings.isEmpty)
        #expect(result.summary.isIncomplete)
        #expect(warnings.contains { $0.message.contains("nested more than 4 deep") })
    }

    @Test func membersSharingTheirDataAreInflatedOnce() throws {
        let tree = TemporaryTree()
        let path = tree.path + "/overlap.zip"
        ZipMaker.make(path, members: [("k.env", Array("K=\(Fake.testKey)\n".utf8))])
        var zip = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        // Repeat the one central-directory entry, as overlapping-member zip bombs do.
        let end = zip.count - 22
        let directoryStart = Int(zip[end + 16]) | Int(zip[end + 17]) << 8
        let entry = Array(zip[directoryStart..<end])
        zip.insert(contentsOf: entry, at: end)
        zip[end + entry.count + 8] = 2
        zip[end + entry.count + 10] = 2
        let size = entry.count * 2
        zip[end + entry.count + 12] = UInt8(size & 0xFF)
        zip[end + entry.count + 13] = UInt8(size >> 8)
        try Data(zip).write(to: URL(fileURLWithPath: path))

        let (result, warnings) = scan([tree.path])

        #expect(result.findings.count == 1)
        #expect(warnings.contains { $0.message.contains("shares its data with another") })
    }
}

@Suite struct UTF16TextTests {
    typealias Fake = FakeCredentials

    @Test(arguments: [true, false])
    func utf16FileWithByteOrderMarkIsDecodedAndScanned(_ isLittleEndian: Bool) throws {
        let text = "# written by PowerShell\r\nPASBY_API_KEY=\(Fake.liveKey)\r\n"
        var bytes: [UInt8] = isLittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let (low, high) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
            bytes += isLittleEndian ? [low, high] : [high, low]
        }
        let tree = TemporaryTree()
        tree.write("app.env", bytes: bytes)

        let (result, warnings) = scan([tree.path])
        let found = try #require(result.findings.first)

        #expect(warnings.isEmpty)
        #expect(result.findings.count == 1)
        #expect(found.ruleID == "pasby.api-key.live")
        #expect(found.encoding == .utf16)
        #expect(found.location.startLine == 2)
        #expect(found.location.startColumn == 15)
        #expect(result.summary.filesScanned == 1)
    }
}
