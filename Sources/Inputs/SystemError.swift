import Glibc

/// An `errno` value from a failed system call, with the system's own wording.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32

    public init(code: Int32) {
        self.code = code
    }

    /// `strerror` in lowercase: "permission denied".
    public var description: String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message).lowercased()
    }
}
