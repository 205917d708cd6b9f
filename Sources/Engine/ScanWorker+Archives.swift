import Inputs
import ScanModel

extension ScanWorker {
    /// Zip archives inside zip archives are opened this deep (a jar in a war in an ear, a
    /// service file zipped again); a deeper one is counted as unread.
    static let maximumArchiveDepth = 4
    /// Archives larger than this are scanned only as bytes and counted as unread.
    static let maximumArchiveBytes = 256 << 20
    /// Members larger than this once decompressed are not scanned (also stops zip bombs).
    static let maximumMemberBytes = 64 << 20
    /// The most bytes one archive, with everything nested in it, may decompress to.
    static let maximumArchiveTotalBytes = 1 << 30

    /// Scans each member of the zip archive `file`, reported as `archive.zip!member`: the
    /// deflated `config.json` and `*.pem` of a pasby Console service file, a properties file
    /// in a jar.
    /// - Returns: false when `file` could not be read as an archive; its raw bytes, scanned
    ///   already, are then all there is.
    mutating func scanMembers(of file: some ByteSource, archiveDepth: Int) -> Bool {
        guard archiveDepth < Self.maximumArchiveDepth else {
            noteUnreadMember(
                file.path,
                "archive nested more than \(Self.maximumArchiveDepth) deep: its members were "
                    + "scanned only as stored bytes")
            return false
        }
        guard file.canReadAgain else {
            noteUnreadMember(
                file.path,
                "a zip archive read from a pipe is scanned only as bytes; give its path to "
                    + "scan its members")
            return false
        }
        if archiveDepth == 0 { archiveBytesLeft = Self.maximumArchiveTotalBytes }
        let archive: ZipArchive
        do {
            guard let bytes = try file.readWhole(upTo: Self.maximumArchiveBytes) else {
                noteUnreadMember(
                    file.path,
                    "archive larger than \(Self.maximumArchiveBytes >> 20) MiB: its members "
                        + "were scanned only as stored bytes")
                return false
            }
            archive = try ZipArchive(bytes: bytes)
        } catch {
            noteUnreadMember(file.path, "not read as a zip archive: \(error)")
            return false
        }
        var seenOffsets: Set<Int> = []
        for member in archive.members where !member.isFolder {
            let path = file.path.member(member.name)
            guard seenOffsets.insert(member.localHeaderOffset).inserted else {
                noteUnreadMember(path, "archive member shares its data with another (skipped)")
                continue
            }
            let limit = min(Self.maximumMemberBytes, archiveBytesLeft)
            do {
                let contents = try archive.contents(of: member, limit: limit)
                archiveBytesLeft -= contents.count
                visit(
                    source: MemorySource(bytes: contents, path: path),
                    archiveDepth: archiveDepth + 1)
            } catch {
                let reason =
                    limit < Self.maximumMemberBytes
                    ? "the archive decompresses to more than "
                        + "\(Self.maximumArchiveTotalBytes >> 20) MiB"
                    : "\(error)"
                noteUnreadMember(path, "archive member not scanned: \(reason)")
            }
        }
        return true
    }

    private mutating func noteUnreadMember(_ path: InputPath, _ message: String) {
        summary.skipped[.archiveMember, default: 0] += 1
        collector.onWarning(ScanWarning(path: path.display, message: message))
    }
}

extension ScanWorker {
    /// UTF-16 files larger than this are scanned only as bytes and counted as unread.
    static let maximumDecodedBytes = 64 << 20

    /// Decodes the UTF-16 file `file` to UTF-8 and scans the text under the same path.
    /// - Returns: false when it could not be read again; its raw bytes are then all there is.
    mutating func scanDecoded(
        _ file: some ByteSource, byteOrder: UTF16Text.ByteOrder, _ archiveDepth: Int
    ) -> Bool {
        let bytes: [UInt8]?
        do {
            bytes = file.canReadAgain ? try file.readWhole(upTo: Self.maximumDecodedBytes) : nil
        } catch {
            bytes = nil
        }
        guard let bytes else {
            summary.skipped[.undecodedText, default: 0] += 1
            collector.onWarning(
                ScanWarning(
                    path: file.path.display,
                    message: "UTF-16 text not decoded (from a pipe, or larger than "
                        + "\(Self.maximumDecodedBytes >> 20) MiB): scanned only as bytes"))
            return false
        }
        let text = UTF16Text.decode(bytes, byteOrder: byteOrder)
        summary.filesScanned -= 1
        summary.bytesScanned -= bytes.count
        transcoding = .utf16
        visit(source: MemorySource(bytes: text, path: file.path), archiveDepth: archiveDepth)
        transcoding = nil
        return true
    }
}
