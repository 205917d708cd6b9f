import PCRE2Kit
import ScanModel

/// A confirmed match of one rule in a byte buffer.
public struct RuleMatch: Sendable, Equatable {
    /// The whole match, 0-based byte offsets into the searched buffer.
    public var range: Range<Int>
    /// The secret's bytes (the rule's secret group).
    public var secretRange: Range<Int>
    /// The environment the rule itself decided (`unknown` for rules that infer it).
    public var environment: Environment
}

extension Rule {
    /// The match that starts exactly at `offset` (0-based bytes) and passes the token checks.
    ///
    /// This is how the engine runs a rule: at each place the prefilter found a keyword. The
    /// pattern is compiled anchored, so PCRE2 JIT runs it; lookbehinds see the bytes before
    /// `offset`. The buffer is raw bytes in any encoding.
    /// - Throws: `PCRE2Error` when the pattern hits its match limit.
    public func match(in subject: Span<UInt8>, at offset: Int, using matcher: Matcher)
        throws(PCRE2Error) -> RuleMatch?
    {
        guard let range = try matcher.firstMatch(of: pattern, in: subject, from: offset) else {
            return nil
        }
        return confirm(range, in: subject, matcher: matcher)
    }

    /// The first match anywhere in `subject`, trying each place one of the keywords starts, in
    /// order: what the engine would find in a buffer holding only `subject`.
    public func firstMatch(in subject: Span<UInt8>, using matcher: Matcher)
        throws(PCRE2Error) -> RuleMatch?
    {
        let keywordBytes = keywords.map { Array($0.utf8) }
        for offset in subject.indices {
            let startsKeyword = keywordBytes.contains { keyword in
                offset + keyword.count <= subject.count
                    && keyword.indices.allSatisfy { subject[offset + $0] == keyword[$0] }
            }
            if startsKeyword, let match = try match(in: subject, at: offset, using: matcher) {
                return match
            }
        }
        return nil
    }

    private func confirm(_ range: Range<Int>, in subject: Span<UInt8>, matcher: Matcher)
        -> RuleMatch?
    {
        let secretRange = matcher.captureRange(secretGroup) ?? range
        let tokenRange = matcher.captureRange(tokenGroup) ?? secretRange
        let token = subject.extracting(tokenRange)
        if Placeholder.isPlaceholder(token) { return nil }
        if let minimumEntropy, Entropy.bitsPerByte(token) < minimumEntropy { return nil }

        var environment = defaultEnvironment
        if case .capture(let name, let values) = environmentSource,
            let group = pattern.groupNumber(named: name),
            let valueRange = matcher.captureRange(group)
        {
            let text = String(decoding: subject.extracting(valueRange).bytes, as: UTF8.self)
            environment = values[text] ?? .unknown
        }
        return RuleMatch(range: range, secretRange: secretRange, environment: environment)
    }
}

extension Span where Element == UInt8 {
    /// The bytes as an array, for the few places that need a copy.
    var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for index in indices { result.append(self[index]) }
        return result
    }
}
