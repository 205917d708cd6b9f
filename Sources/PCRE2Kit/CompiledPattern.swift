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

    /// True when every match must start at the offset matching starts from.
    public let isAnchored: Bool

    /// Compiles `source`; with `isAnchored`, matches must start at the start offset.
    ///
    /// Anchoring at compile time keeps JIT in use: PCRE2 runs its interpreter instead of JIT
    /// code whenever `PCRE2_ANCHORED` is passed at match time, so anchored searches should use
    /// an anchored pattern.
    /// - Throws: `PCRE2Error` with the library's message and the failing offset.
    public init(_ source: String, isAnchored: Bool = false) throws(PCRE2Error) {
        let options = isAnchored ? PCRE2Calls.anchoredOption : 0
        let code = try PCRE2Calls.compile(source, options: options).get()
        self.isAnchored = isAnchored
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
