import Glibc
import Synchronization

/// The one place output leaves the process: results to stdout, everything else to stderr.
///
/// Writes are whole lines under a lock, so warnings from worker threads never interleave.
/// A closed stdout (`pasbyscan ... | head`) ends writing quietly. Tests pass capturing sinks.
public final class Console: Sendable {
    public typealias Sink = @Sendable (String) -> Bool

    private let lock = Mutex(())
    private let writeOut: Sink
    private let writeError: Sink
    /// True when stdout is a terminal that takes colour.
    public let stdoutIsColorTerminal: Bool

    public init(out: @escaping Sink, error: @escaping Sink, stdoutIsColorTerminal: Bool) {
        writeOut = out
        writeError = error
        self.stdoutIsColorTerminal = stdoutIsColorTerminal
    }

    /// The process's own stdout and stderr; SIGPIPE is ignored so a closed pipe is an error.
    public static func standard() -> Console {
        signal(SIGPIPE, SIG_IGN)
        let colors =
            isatty(1) == 1 && getenv("NO_COLOR") == nil
            && String(cString: getenv("TERM") ?? strdup("dumb")) != "dumb"
        return Console(
            out: { FileDescriptorWriter.write($0, to: 1) },
            error: { FileDescriptorWriter.write($0, to: 2) },
            stdoutIsColorTerminal: colors)
    }

    /// Writes results to stdout; false when stdout is closed or failed.
    @discardableResult
    public func output(_ text: String) -> Bool {
        lock.withLock { _ in writeOut(text) }
    }

    /// `pasbyscan: error: ...` on stderr.
    public func error(_ message: String) {
        diagnostic("pasbyscan: error: " + message)
    }

    /// `pasbyscan: warning: ...` on stderr.
    public func warning(_ message: String) {
        diagnostic("pasbyscan: warning: " + message)
    }

    /// One line (or block) on stderr.
    public func diagnostic(_ line: String) {
        let text = line.hasSuffix("\n") ? line : line + "\n"
        lock.withLock { _ in _ = writeError(text) }
    }
}

/// Throwing-free whole writes to a descriptor, retrying short writes and interrupts.
enum FileDescriptorWriter {
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(
                    descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
