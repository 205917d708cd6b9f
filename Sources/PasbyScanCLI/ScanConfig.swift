import Foundation
import Glibc
import Inputs
import Rules

/// The config file (`--config FILE`): what a team allows.
///
/// ```yaml
/// allow:
///   paths:
///     - "Tests/Fixtures/**"
/// ```
///
/// Findings in allowed paths are still scanned for, then dropped and counted in the summary.
struct ScanConfig {
    var allowedPaths: [PathGlob] = []

    static func load(path: String) throws(UsageError) -> ScanConfig {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw UsageError(
                "config \"\(path)\" is a folder; give the config file, such as "
                    + "\"\(path)/.pasbyscan.yaml\"", showsUsage: false)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UsageError(
                "config \"\(path)\" cannot be read: \(SystemErrorText.from(error))",
                showsUsage: false)
        }
        return try parse(text, origin: path)
    }

    static func parse(_ text: String, origin: String) throws(UsageError) -> ScanConfig {
        func fail(_ line: Int, _ message: String) -> UsageError {
            UsageError("config \"\(origin)\":\(line): \(message)", showsUsage: false)
        }
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(text)
        } catch {
            if error.isEmptyDocument { return ScanConfig() }
            throw fail(error.line, "not valid YAML: \(error.message)")
        }
        guard case .mapping(let top) = root.value else {
            throw fail(root.line, "expected a mapping with the key \"allow\"")
        }
        var config = ScanConfig()
        var seen: Set<String> = []
        for (key, keyLine, node) in top {
            guard key == "allow" else {
                throw fail(keyLine, "unknown key \"\(key)\"; the known key is \"allow\"")
            }
            guard seen.insert(key).inserted else { throw fail(keyLine, "\"allow\" appears twice") }
            guard case .mapping(let allow) = node.value else {
                throw fail(node.line, "\"allow\" must be a mapping with the key \"paths\"")
            }
            var seenAllow: Set<String> = []
            for (allowKey, allowLine, list) in allow {
                guard allowKey == "paths", case .sequence(let items) = list.value else {
                    throw fail(allowLine, "\"allow\" takes \"paths\": a list of path patterns")
                }
                guard seenAllow.insert(allowKey).inserted else {
                    throw fail(allowLine, "\"paths\" appears twice")
                }
                for item in items {
                    guard case .scalar(let pattern) = item.value, !pattern.isEmpty else {
                        throw fail(item.line, "a path pattern must be non-empty text")
                    }
                    config.allowedPaths.append(PathGlob(pattern))
                }
            }
        }
        return config
    }
}

/// The system's wording for a Foundation file error, without Foundation's long prose.
enum SystemErrorText {
    static func from(_ error: Error) -> String {
        if let error = error as? SystemError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return SystemError(code: Int32(underlying.code)).description
        }
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError {
            return "no such file or directory"
        }
        if nsError.domain == NSCocoaErrorDomain
            && nsError.code == NSFileReadInapplicableStringEncodingError
        {
            return "not UTF-8 text"
        }
        return nsError.localizedDescription.lowercased()
    }
}
