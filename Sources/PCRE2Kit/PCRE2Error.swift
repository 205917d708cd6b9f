/// A PCRE2 failure turned into a Swift value: the library's code and its own message.
public struct PCRE2Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The negative PCRE2 error code (`PCRE2_ERROR_*`) or a positive compile error code.
    public let code: Int32
    /// The library's description of `code`.
    public let message: String
    /// For compile errors, the 0-based byte offset in the pattern where compilation failed.
    public let offset: Int?

    public init(code: Int32, message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// True when the match stopped on a resource limit rather than on bad input.
    public var isResourceLimit: Bool {
        [
            PCRE2Calls.matchLimit, PCRE2Calls.depthLimit, PCRE2Calls.heapLimit,
            PCRE2Calls.jitStackLimit,
        ].contains(code)
    }

    public var description: String {
        if let offset { return "\(message) at pattern offset \(offset)" }
        return message
    }
}
