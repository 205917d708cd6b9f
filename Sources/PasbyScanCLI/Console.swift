import Engine
import Glibc
import Inputs
import Rules
import Synchronization

/// The one place output leaves the process: results to stdout, everything else to stderr.
///
/// Writes are whole lines under a lock, so warnings from worker threads never interleave.
/// A closed stdout (`pasbyscan ... | head`) ends writing quietly. Tests pass capturing sinks.
public final class Console: Sendable {
    /// Writes a string whole; returns the error that stopped it, or nil.
    public typealias Sink = @Sendable (String) -> SystemError?

    private let lock = Mutex(())
    private let writeOut: Sink
    private let writeError: Sink
    private let redact: @Sendable (String) -> String
    /// True when stdout is a terminal that takes colour.
    public let stdoutIsColorTerminal: Bool

    /// A console writing through `out` and `error`; `redact` is applied to every diagnostic,
    /// so no secret quoted in a message reaches stderr.
    public init(
        out: @escaping Sink, error: @escaping Sink, stdoutIsColorTerminal: Bool,
        redact: @escaping @Sendable (String) -> String = { $0 }
    ) {
        writeOut = out
        writeError = error
        self.redact = redact
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
            stdoutIsColorTerminal: colors, redact: { builtinRedactor.redact($0) })
    }

    /// Writes results to stdout; returns the error when stdout is closed or failed.
    @discardableResult
    public func output(_ text: String) -> SystemError? {
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
        let redacted = redact(line)
        let text = redacted.hasSuffix("\n") ? redacted : redacted + "\n"
        lock.withLock { _ in _ = writeError(text) }
    }
}

/// Whole writes to a descriptor, retrying short writes and interrupts.
enum FileDescriptorWriter {
    /// Writes all of `text`; returns the error that stopped it, or nil.
    static func write(_ text: String, to descriptor: Int32) -> SystemError? {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(
                    descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return SystemError(code: errno)
                }
                offset += written
            }
            return nil
        }
    }
}

/// Built on the first diagnostic, so a clean run never compiles it.
private let builtinRedactor = SecretRedactor(rules: RuleSet.builtin())
