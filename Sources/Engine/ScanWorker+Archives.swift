import Inputs
import ScanModel

extension ScanWorker {
    /// Zip archives inside zip archives are opened this deep (a jar in a war, a service file
    /// zipped again); deeper ones are scanned only as bytes.
    static let maximumArchiveDepth = 2
    /// Archives larger than this are scanned only as bytes: their members are not opened.
    static let maximumArchiveBytes = 256 << 20
    /// Members larger than this once decompressed are not scanned (also stops zip bombs).
    static let maximumMemberBytes = 64 << 20

    /// Scans each member of the zip archive `file`, reported as `archive.zip!member`: the
    /// deflated `config.json` and `*.pem` of a pasby Console service file, a properties file
    /// in a jar.
    /// - Returns: false when `file` could not be read as an archive; its raw bytes, scanned
    ///   already, are then all there is.
    mutating func scanMembers(of file: some ByteSource, archiveDepth: Int) -> Bool {
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
        for member in archive.members where !member.isFolder {
            let path = file.path.member(member.name)
            do {
                let contents = try archive.contents(of: member, limit: Self.maximumMemberBytes)
                visit(
                    source: MemorySource(bytes: contents, path: path),
                    archiveDepth: archiveDepth + 1)
            } catch {
                noteUnreadMember(path, "archive member not scanned: \(error)")
            }
        }
        return true
    }

    private mutating func noteUnreadMember(_ path: InputPath, _ message: String) {
        summary.skipped[.archiveMember, default: 0] += 1
        collector.onWarning(ScanWarning(path: path.display, message: message))
    }
}
