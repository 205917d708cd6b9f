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
    /// Finds the first match at or after `offset` that passes the token checks.
    ///
    /// With `anchored`, only a match starting exactly at `offset` counts. The buffer is raw
    /// bytes in any encoding.
    /// - Throws: `PCRE2Error` when the pattern hits its match limit.
    public func firstMatch(
        in subject: Span<UInt8>,
        from offset: Int,
        anchored: Bool,
        using matcher: Matcher
    ) throws(PCRE2Error) -> RuleMatch? {
        var start = offset
        while start <= subject.count {
            guard
                let range = try matcher.firstMatch(
                    of: pattern, in: subject, from: start, anchored: anchored)
            else { return nil }
            if let match = confirm(range, in: subject, matcher: matcher) { return match }
            if anchored { return nil }
            start = range.lowerBound + 1
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
