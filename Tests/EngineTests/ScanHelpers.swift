import Engine
import Inputs
import Rules
import ScanModel
import Synchronization
import TestFixtures

/// Scans `roots` with the built-in rules; returns the result and the warnings given.
func scan(
    _ roots: [String], threads: Int = 2, chunkBytes: Int = 4 << 20,
    followsSymlinks: Bool = false, allowed: [String] = []
) -> (ScanResult, [ScanWarning]) {
    let warnings = Mutex<[ScanWarning]>([])
    let options = ScanOptions(
        threads: threads, followsSymlinks: followsSymlinks,
        allowedPaths: allowed.map(PathGlobFactory.make), chunkBytes: chunkBytes)
    let result = Scanner(rules: RuleSet.builtin()).scan(roots: roots, options: options) {
        warning in warnings.withLock { $0.append(warning) }
    }
    return (result, warnings.withLock { $0 })
}

/// Scans one file holding `contents` and returns its findings.
func findings(in contents: String, name: String = "input.txt") -> [Finding] {
    let tree = TemporaryTree()
    tree.write(name, contents)
    return scan([tree.path + "/" + name]).0.findings
}

enum PathGlobFactory {
    static func make(_ pattern: String) -> Inputs.PathGlob { Inputs.PathGlob(pattern) }
}
