import Foundation
import Rules

/// Loads the rules a command uses: the built-in ones, or files named by the user.
enum RuleSource {
    /// Rules from `path` (a `.yaml` file or a folder of them), or the built-in rules.
    /// A user's rule files are held to what `rules check` asks: their examples must pass, so a
    /// rule that cannot find what it claims to never gates a build.
    static func load(_ path: String?) throws(UsageError) -> RuleSet {
        guard let path else { return RuleSet.builtin() }
        let rules = try load(files: try ruleFiles(at: path))
        if let problem = rules.checkExamples().first {
            throw UsageError(
                "rules: \(problem); fix the rule or its example (\"pasbyscan rules check\" "
                    + "lists every failing example)", showsUsage: false)
        }
        return rules
    }

    static func load(files: [String]) throws(UsageError) -> RuleSet {
        var texts: [(origin: String, text: String)] = []
        for file in files {
            do {
                texts.append((file, try String(contentsOfFile: file, encoding: .utf8)))
            } catch {
                throw UsageError(
                    "rule file \"\(file)\" cannot be read: \(SystemErrorText.from(error))",
                    showsUsage: false)
            }
        }
        do {
            return try RuleSet(files: texts)
        } catch {
            throw UsageError("rules: \(error)", showsUsage: false)
        }
    }

    /// The `.yaml` files at `path`, sorted; a file path is returned as is.
    static func ruleFiles(at path: String) throws(UsageError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw UsageError("rules \"\(path)\" do not exist", showsUsage: false)
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            throw UsageError(
                "rules folder \"\(path)\" holds no .yaml files", showsUsage: false)
        }
        return files.map { (path as NSString).appendingPathComponent($0) }
    }
}
