import Inputs
import Rules

/// The immutable part of a scan, shared by all workers: rules, prefilter, options.
final class ScanEngine: Sendable {
    let rules: RuleSet
    let prefilter: Prefilter
    let ruleIndexByID: [String: Int]
    let allowedPaths: [PathGlob]
    let reportsEverySkip: Bool
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
        overlap = rules.rules.map(\.maximumLength).max() ?? 0
    }
}
