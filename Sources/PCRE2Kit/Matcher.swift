/// Per-thread matching state: a PCRE2 match data block, a match context with limits and a JIT
/// stack.
///
/// PCRE2's threading rule: match data and JIT stacks must not be used by two threads at once.
/// A `Matcher` is therefore not `Sendable`; each worker creates its own and keeps it for the
/// whole scan, so matching allocates nothing.
public final class Matcher {
    /// Limits that stop a pattern from running away on hostile input.
    public struct Limits: Sendable {
        /// `pcre2_set_match_limit`: calls to the internal match function.
        public var matchLimit: UInt32
        /// `pcre2_set_depth_limit`: backtracking depth.
        public var depthLimit: UInt32
        /// Bytes of JIT stack per matcher.
        public var jitStackBytes: Int

        public init(
            matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000,
            jitStackBytes: Int = 1 << 20
        ) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
            self.jitStackBytes = jitStackBytes
        }
    }

    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private let capacity: Int

    /// Creates a matcher able to report up to `maximumCaptureCount` capture groups.
    public init(maximumCaptureCount: Int, limits: Limits = Limits()) {
        capacity = maximumCaptureCount + 1
        matchData = PCRE2Calls.makeMatchData(pairs: capacity)
        context = PCRE2Calls.makeMatchContext(
            matchLimit: limits.matchLimit, depthLimit: limits.depthLimit)
        jitStack = PCRE2Calls.makeJITStack(bytes: limits.jitStackBytes)
        if let jitStack { PCRE2Calls.assign(jitStack: jitStack, to: context) }
    }

    deinit {
        if let jitStack { PCRE2Calls.free(jitStack: jitStack) }
        PCRE2Calls.free(matchContext: context)
        PCRE2Calls.free(matchData: matchData)
    }

    /// Finds the first match of `pattern` in `subject` at or after `offset` (0-based bytes).
    ///
    /// With `anchored`, the match must start exactly at `offset`; lookbehinds still see the bytes
    /// before it. Prefer a pattern compiled with `isAnchored`: match-time anchoring turns JIT
    /// off for the call. Returns the matched byte range, or nil when there is no match. Capture
    /// groups of the match are then available from `captureRange(_:)` until the next call.
    /// - Throws: `PCRE2Error` for resource limits and other match failures.
    public func firstMatch(
        of pattern: CompiledPattern,
        in subject: Span<UInt8>,
        from offset: Int,
        anchored: Bool = false
    ) throws(PCRE2Error) -> Range<Int>? {
        precondition(pattern.captureCount < capacity, "matcher too small for pattern")
        let options = anchored && !pattern.isAnchored ? PCRE2Calls.anchoredOption : 0
        let result = subject.withUnsafeBufferPointer { buffer in
            PCRE2Calls.match(
                pattern.code, subject: buffer, startOffset: offset, options: options,
                matchData: matchData, context: context)
        }
        if result == PCRE2Calls.noMatch { return nil }
        if result < 0 {
            throw PCRE2Error(code: result, message: PCRE2Calls.message(for: result))
        }
        let (start, end) = PCRE2Calls.ovectorPair(matchData, group: 0)
        return start..<end
    }

    /// The byte range of capture `group` in the last successful match, or nil when the group
    /// did not take part in it.
    public func captureRange(_ group: Int) -> Range<Int>? {
        guard group < capacity else { return nil }
        let (start, end) = PCRE2Calls.ovectorPair(matchData, group: group)
        guard start != PCRE2Calls.unset, end >= start else { return nil }
        return start..<end
    }
}
