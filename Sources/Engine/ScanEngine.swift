import Inputs
import Rules

/// The immutable part of a scan, shared by all workers: rules, prefilter, options.
final class ScanEngine: Sendable {
    let rules: RuleSet
    let prefilter: Prefilter
    let ruleIndexByID: [String: Int]
    let allowedPaths: [PathGlob]
    let reportsEverySkip: Bool
    /// A rule as the scan loop holds it: its index and an unretained reference.
    struct KeywordRule: @unchecked Sendable {
        let index: Int
        let rule: Unmanaged<Rule>
    }

    /// The rules that start matching at each prefilter keyword, back to back: keyword `k`'s
    /// are `keywordRules[keywordRuleRanges[k]]`. Flat, so the scan loop reads them through one
    /// pointer. The references are unretained; `rules` keeps them alive for the engine's life.
    let keywordRules: [KeywordRule]
    let keywordRuleRanges: [Range<Int>]

    /// The longest match any rule allows, in bytes: how much each chunk repeats of the last.
    let overlap: Int

    init(rules: RuleSet, allowedPaths: [PathGlob], reportsEverySkip: Bool) {
        self.reportsEverySkip = reportsEverySkip
        self.rules = rules
        self.prefilter = Prefilter(rules: rules)
        self.allowedPaths = allowedPaths
        var indexByID: [String: Int] = [:]
        for (index, rule) in rules.rules.enumerated() { indexByID[rule.id] = index }
        ruleIndexByID = indexByID
        var slots: [KeywordRule] = []
        var ranges: [Range<Int>] = []
        for keyword in prefilter.keywords {
            let start = slots.count
            for index in keyword.ruleIndices {
                slots.append(KeywordRule(index: index, rule: .passUnretained(rules.rules[index])))
            }
            ranges.append(start..<slots.count)
        }
        keywordRules = slots
        keywordRuleRanges = ranges
        overlap = rules.rules.map(\.maximumLength).max() ?? 0
    }
}
