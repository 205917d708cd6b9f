/// The members of a zip archive (zip, jar, apk, whl, pasby Console's service file), read from
/// its central directory.
///
/// Only what scanning needs: names, and contents that are stored or deflated. ZIP64 archives,
/// encrypted members and other compression methods are reported as unreadable members rather
/// than guessed at.
public struct ZipArchive {
    /// One member as the central directory describes it.
    public struct Member {
        /// The member's name as stored (UTF-8 or, for old archives, code page 437 bytes).
        public let name: [UInt8]
        let method: UInt16
        let flags: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        /// Where the member's local header, and so its data, starts. Members that share one are
        /// a zip bomb's trick for decompressing the same data many times.
        public let localHeaderOffset: Int

        /// True for folder entries, which hold nothing.
        public var isFolder: Bool { name.last == UInt8(ascii: "/") }
    }

    /// Why an archive or a member could not be read.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public let members: [Member]
    private let bytes: [UInt8]

    /// True when `head` starts like a zip archive (a local file header).
    public static func looksLikeZip(_ head: UnsafeRawBufferPointer) -> Bool {
        head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04
    }

    /// Reads the central directory of the archive in `bytes`.
    public init(bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard let end = ZipArchive.endOfCentralDirectory(in: bytes) else {
            throw Failure(description: "no zip central directory (truncated archive?)")
        }
        let count = Int(ZipArchive.u16(bytes, end + 10))
        let directoryOffset = Int(ZipArchive.u32(bytes, end + 16))
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else {
            throw Failure(description: "ZIP64 archives are not read")
        }
        var members: [Member] = []
        var offset = directoryOffset
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, ZipArchive.u32(bytes, offset) == 0x0201_4B50 else {
                throw Failure(description: "the central directory is damaged")
            }
            let nameLength = Int(ZipArchive.u16(bytes, offset + 28))
            let extraLength = Int(ZipArchive.u16(bytes, offset + 30))
            let commentLength = Int(ZipArchive.u16(bytes, offset + 32))
            guard offset + 46 + nameLength <= bytes.count else {
                throw Failure(description: "the central directory is damaged")
            }
            members.append(
                Member(
                    name: Array(bytes[offset + 46..<offset + 46 + nameLength]),
                    method: ZipArchive.u16(bytes, offset + 10),
                    flags: ZipArchive.u16(bytes, offset + 8),
                    compressedSize: Int(ZipArchive.u32(bytes, offset + 20)),
                    uncompressedSize: Int(ZipArchive.u32(bytes, offset + 24)),
                    localHeaderOffset: Int(ZipArchive.u32(bytes, offset + 42))))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.members = members
    }

    /// The contents of `member`, at most `limit` bytes once decompressed.
    public func contents(of member: Member, limit: Int) throws(Failure) -> [UInt8] {
        guard member.flags & 1 == 0 else { throw Failure(description: "encrypted member") }
        let header = member.localHeaderOffset
        guard header + 30 <= bytes.count, ZipArchive.u32(bytes, header) == 0x0403_4B50 else {
            throw Failure(description: "the member's local header is damaged")
        }
        let start =
            header + 30 + Int(ZipArchive.u16(bytes, header + 26))
            + Int(ZipArchive.u16(bytes, header + 28))
        let end = start + member.compressedSize
        guard end <= bytes.count else { throw Failure(description: "the member is truncated") }
        switch member.method {
        case 0:
            guard member.compressedSize <= limit else {
                throw Failure(description: "larger than \(limit) bytes")
            }
            return Array(bytes[start..<end])
        case 8:
            do {
                return try Inflater.inflate(
                    bytes[start..<end], expectedSize: member.uncompressedSize, limit: limit)
            } catch {
                switch error {
                case .tooLarge(let limit):
                    throw Failure(description: "larger than \(limit) bytes once decompressed")
                case .corrupt(let message):
                    throw Failure(description: "cannot be decompressed: \(message)")
                }
            }
        default:
            throw Failure(description: "compression method \(member.method) is not read")
        }
    }

    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65_535)
        var offset = bytes.count - 22
        while offset >= lowest {
            if u32(bytes, offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        return nil
    }

    private static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(u16(bytes, offset)) | UInt32(u16(bytes, offset + 2)) << 16
    }
}
