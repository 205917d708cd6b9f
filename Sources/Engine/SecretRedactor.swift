import PCRE2Kit
import Rules
import ScanModel

/// Redacts credentials inside text that is not a report: error messages and warnings that
/// quote a user's value (a config key, a rule field) must never carry a secret.
public struct SecretRedactor: Sendable {
    private let engine: ScanEngine

    public init(rules: RuleSet) {
        engine = ScanEngine(rules: rules, allowedPaths: [], reportsEverySkip: false)
    }

    /// `text` with every match of the rules replaced by its redacted form.
    public func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let matcher = Matcher(maximumCaptureCount: engine.rules.maximumCaptureCount)
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBytes { buffer in
            engine.prefilter.forEachCandidate(in: buffer, starts: 0..<buffer.count) {
                start, keyword in
                for ruleIndex in engine.prefilter.keywords[keyword].ruleIndices {
                    let rule = engine.rules.rules[ruleIndex]
                    let match = try? rule.match(in: bytes.span, at: start, using: matcher)
                    if let match { ranges.append(match.range) }
                }
            }
        }
        guard !ranges.isEmpty else { return text }
        var result: [UInt8] = []
        var position = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound })
        where range.lowerBound >= position {
            result += bytes[position..<range.lowerBound]
            let secret = String(decoding: bytes[range], as: UTF8.self)
            result += Array(Redaction.redact(secret).utf8)
            position = range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }
}
