import Foundation

/// A folder under the system's temporary directory, filled by a test and removed with it.
public final class TemporaryTree {
    public let root: URL

    public init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("pasbyscan-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    public var path: String { root.path }

    /// Writes `contents` at `relativePath`, creating folders.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) -> URL {
        write(relativePath, bytes: Array(contents.utf8))
    }

    @discardableResult
    public func write(_ relativePath: String, bytes: [UInt8]) -> URL {
        let url = root.appendingPathComponent(relativePath)
        try! FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
        return url
    }

    /// Creates a symbolic link at `relativePath` pointing at `target` (as written).
    public func link(_ relativePath: String, to target: String) {
        try! FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent(relativePath).path, withDestinationPath: target)
    }
}
