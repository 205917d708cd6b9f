import Foundation

/// Builds zip archives for tests with Python's zipfile module, which CI has.
public enum ZipMaker {
    /// Writes a zip at `path` holding `members` (name, contents), deflated unless `stored`.
    public static func make(_ path: String, members: [(String, [UInt8])], stored: Bool = false) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pasbyscan-zip-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [String] = []
        for (index, member) in members.enumerated() {
            let file = folder.appendingPathComponent("m\(index)")
            try! Data(member.1).write(to: file)
            names.append(member.0)
        }
        let script = """
            import sys, zipfile
            method = zipfile.ZIP_STORED if sys.argv[2] == "stored" else zipfile.ZIP_DEFLATED
            with zipfile.ZipFile(sys.argv[1], "w", method) as archive:
                for index, name in enumerate(sys.argv[4:]):
                    archive.write(sys.argv[3] + "/m" + str(index), name)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", "-c", script, path, stored ? "stored" : "deflated", folder.path] + names
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "python3 could not write the zip")
    }
}
