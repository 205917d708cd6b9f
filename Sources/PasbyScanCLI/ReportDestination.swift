import Foundation
import Glibc
import Inputs

/// Where the report goes: stdout, or a file written whole or not at all.
enum ReportDestination {
    case standardOutput
    case file(String)

    /// Writes `text`; a file is written to a temporary name beside it, then renamed.
    /// - Throws: `UsageError` naming the file and the system's reason.
    func write(_ text: String, console: Console) throws(UsageError) {
        switch self {
        case .standardOutput:
            console.output(text)
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Data(text.utf8).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else {
                    throw SystemError(code: errno)
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw UsageError(
                    "report \"\(path)\" cannot be written: \(SystemErrorText.from(error)); "
                        + "check that its folder exists and is writable",
                    showsUsage: false)
            }
        }
    }
}
