/// A compiled, JIT-compiled PCRE2 pattern.
///
/// Owns a `pcre2_code`, freed in `deinit`. Patterns are compiled with UTF mode off so that they
/// run over raw bytes of any encoding.
///
/// `@unchecked Sendable`: PCRE2 documents that compiled code, including its JIT code, is never
/// modified by matching and may be shared by threads; all per-match state lives in `Matcher`.
public final class CompiledPattern: @unchecked Sendable {
    let code: OpaquePointer

    /// The pattern text as written.
    public let source: String
    /// The number of capture groups, not counting group 0.
    public let captureCount: Int
    /// True when PCRE2 JIT-compiled the pattern; false means the slower interpreter runs it.
    public let isJITCompiled: Bool

    /// Compiles `source`.
    /// - Throws: `PCRE2Error` with the library's message and the failing offset.
    public init(_ source: String) throws(PCRE2Error) {
        let code = try PCRE2Calls.compile(source, options: 0).get()
        self.code = code
        self.source = source
        self.captureCount = PCRE2Calls.captureCount(code)
        self.isJITCompiled = PCRE2Calls.jitCompile(code)
    }

    deinit {
        PCRE2Calls.free(code: code)
    }

    /// The number of the capture group called `name`, or nil when there is none.
    public func groupNumber(named name: String) -> Int? {
        PCRE2Calls.groupNumber(code, name: name)
    }
}
