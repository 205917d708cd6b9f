import Dispatch
import Engine
import Foundation
import Reports
import Rules
import ScanModel

/// `pasbyscan scan`: parse options, scan, report, choose the exit status.
struct ScanCommand {
    /// Options as parsed from the command line.
    struct Options {
        var format = ReportFormat.text
        var output: String?
        /// nil for `--fail-on never`.
        var failOn: Severity? = .medium
        var showsSecrets = false
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var followsSymlinks = false
        var isQuiet = false
        var isVerbose = false
        var configPath: String?
        var rulesPath: String?
        /// Accepted findings, from `--baseline FILE`.
        var baseline: Baseline?
        var paths: [String] = []
    }

    let console: Console

    static func parse(_ arguments: ArraySlice<String>) throws(UsageError) -> Options {
        var options = Options()
        var reader = ArgumentReader(arguments)
        while let token = reader.next() {
            switch token {
            case .operand(let path):
                guard !path.isEmpty else {
                    throw UsageError("an empty path was given; name a file or folder, or \".\"")
                }
                options.paths.append(path)
            case .option(let name, let inline):
                try apply(name, inline: inline, reader: &reader, to: &options)
            }
        }
        if options.paths.isEmpty { options.paths = ["."] }
        return options
    }

    /// Applies one option to `options`; `staged` and `git` hand it the options they share
    /// with `scan`, so all three read them alike.
    static func apply(
        _ name: String, inline: String?, reader: inout ArgumentReader, to options: inout Options
    ) throws(UsageError) {
        func value() throws(UsageError) -> String { try reader.value(for: name, inline: inline) }
        let takesValue = [
            "--format", "--output", "-o", "--fail-on", "--threads", "--config",
            "--rules", "--baseline",
        ].contains(name)
        if !takesValue, inline != nil {
            throw UsageError("option \(name) takes no value")
        }
        switch name {
        case "--format":
            let text = try value()
            guard let format = ReportFormat(rawValue: text) else {
                throw UsageError("--format \"\(text)\" is not one of text, json, sarif")
            }
            options.format = format
        case "--output", "-o":
            let path = try value()
            options.output = path == "-" ? nil : path
        case "--fail-on":
            let text = try value()
            if text == "never" {
                options.failOn = nil
            } else if let severity = Severity(rawValue: text) {
                options.failOn = severity
            } else {
                throw UsageError(
                    "--fail-on \"\(text)\" is not one of critical, high, medium, low, never")
            }
        case "--threads", "-j":
            let text = try value()
            guard let threads = Int(text), (1...256).contains(threads) else {
                throw UsageError("--threads \"\(text)\" must be a whole number from 1 to 256")
            }
            options.threads = threads
        case "--config":
            options.configPath = try value()
        case "--baseline":
            options.baseline = try Baseline.load(path: try value())
        case "--rules":
            options.rulesPath = try value()
        case "--show-secrets":
            options.showsSecrets = true
        case "--follow-symlinks":
            options.followsSymlinks = true
        case "-q", "--quiet":
            options.isQuiet = true
        case "-v", "--verbose":
            options.isVerbose = true
        default:
            throw UsageError("unknown option \"\(name)\"")
        }
    }

    func run(_ options: Options) throws(UsageError) -> ExitStatus {
        let started = DispatchTime.now()
        let (rules, config) = try Self.loadRulesAndConfig(options)
        if options.paths.filter({ $0 == "-" }).count > 1 {
            throw UsageError("\"-\" (stdin) can be given only once")
        }

        let console = self.console
        let isQuiet = options.isQuiet
        let scanOptions = ScanOptions(
            threads: options.threads, followsSymlinks: options.followsSymlinks,
            allowedPaths: config.allowedPaths, reportsEverySkip: options.isVerbose)
        let result = Scanner(rules: rules).scan(roots: options.paths, options: scanOptions) {
            warning in
            if !isQuiet { console.warning("\"\(warning.path)\": \(warning.message)") }
        }
        return report(result, rules: rules, options: options, started: started)
    }

    /// The rules and config `options` name; every scanning command loads them so.
    static func loadRulesAndConfig(_ options: Options) throws(UsageError) -> (
        RuleSet, ScanConfig
    ) {
        let rules = try RuleSource.load(options.rulesPath)
        let config =
            try options.configPath.map { (path) throws(UsageError) in
                try ScanConfig.load(path: path)
            } ?? ScanConfig()
        return (rules, config)
    }

    /// Writes the report and the summary line (with the time since `started`) and chooses the
    /// exit status; every scanning command ends so. `scannedNothingIsIncomplete` is false where
    /// scanning nothing is the whole answer (nothing staged).
    func report(
        _ result: ScanResult, rules: RuleSet, options: Options, started: DispatchTime,
        scannedNothingIsIncomplete: Bool = true
    ) -> ExitStatus {
        var summary = result.summary
        let findings = options.baseline?.filter(result.findings, summary: &summary)
        let result = ScanResult(findings: findings ?? result.findings, summary: summary)
        let input = ReportInput(
            findings: result.findings, summary: result.summary, rules: rules,
            showsSecrets: options.showsSecrets)
        let colors = options.output == nil && console.stdoutIsColorTerminal
        let destination: ReportDestination = options.output.map { .file($0) } ?? .standardOutput
        var reportFailure: ReportDestination.Failure?
        do {
            try destination.write(console: console) { emit in
                options.format.write(input, colors: colors, to: emit)
            }
        } catch {
            reportFailure = error
            console.error(error.message)
        }

        if !options.isQuiet {
            let nanoseconds = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
            console.diagnostic(SummaryLine.render(input, seconds: Double(nanoseconds) / 1e9))
        }
        let scanStatus = status(
            result, failOn: options.failOn, scannedNothingIsIncomplete: scannedNothingIsIncomplete)
        return reportFailure != nil && scanStatus == .clean ? .incomplete : scanStatus
    }

    private func status(
        _ result: ScanResult, failOn: Severity?, scannedNothingIsIncomplete: Bool
    ) -> ExitStatus {
        if let failOn, result.findings.contains(where: { $0.severity >= failOn }) {
            return .findings
        }
        let scannedNothing = result.summary.filesScanned == 0 && scannedNothingIsIncomplete
        if result.summary.isIncomplete || scannedNothing {
            return .incomplete
        }
        return .clean
    }
}
